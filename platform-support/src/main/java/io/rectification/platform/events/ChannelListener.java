package io.rectification.platform.events;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * LISTENs on one PostgreSQL notification channel, on a connection and a daemon thread of its own,
 * and tells its receiver what arrives. PostgreSQL delivers a notification only after the commit of
 * the transaction that sent it, whichever instance sent it. A lost connection is retried with a
 * backoff; while it is down notifications are missed, which the receiver is told, so it can stop
 * trusting what it has not heard.
 */
public final class ChannelListener {

    /** What a listener reports; called on its thread, so keep it short. */
    public interface Receiver {

        /** Listening (again): anything sent before now may have been missed. */
        void listening();

        /** One notification's payload ({@code ""} when it had none). */
        void notified(String payload);

        /** The connection is lost: notifications are being missed until {@link #listening()}. */
        void deaf();
    }

    private static final Logger LOG = Logger.getLogger(ChannelListener.class);
    private static final int WAIT_MILLIS = 1_000;

    private final String channel;
    private final String name;
    private final String jdbcUrl;
    private final String username;
    private final Optional<String> password;
    private final Receiver receiver;
    private volatile boolean running = true;
    private volatile Thread thread;

    /** {@code name} names the thread and the connection (pg_stat_activity's application_name). */
    public ChannelListener(String channel, String name, String jdbcUrl, String username, Optional<String> password,
                           Receiver receiver) {
        this.channel = channel;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.receiver = receiver;
    }

    /** Starts listening, once; later calls do nothing. */
    public void start() {
        if (thread == null) {
            synchronized (this) {
                if (thread == null) {
                    thread = new Thread(this::listen, name);
                    thread.setDaemon(true);
                    thread.start();
                }
            }
        }
    }

    /** Stops within a second (the longest wait for a notification). */
    public void stop() {
        running = false;
    }

    private void listen() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        while (running) {
            try (Connection connection = OwnConnection.open(jdbcUrl, username, password, name, Map.of())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                receiver.listening();
                backoff.reset();
                while (running) {
                    for (PGNotification notification : pg.getNotifications(WAIT_MILLIS)) {
                        receiver.notified(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                receiver.deaf();
                if (running) {
                    Duration wait = backoff.next();
                    LOG.debugf("%s: %s; retrying in %d ms", name, e.getMessage(), wait.toMillis());
                    sleep(wait);
                }
            }
        }
        receiver.deaf();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
