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
 * trusting what it has not heard. A connection whose database vanished without closing it (a node lost,
 * a firewall that forgot the connection) would hear nothing and fail nothing, so after a quiet spell the
 * listener asks for an answer ({@code SELECT 1}, waited for as long as the spell): none, and the
 * connection is taken for lost.
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
    /** How long a connection may stay quiet before it must answer, and how long it has to: a vanished database is noticed within twice this. */
    private static final Duration QUIET_SPELL = Duration.ofSeconds(5);

    private final String channel;
    private final String name;
    private final String jdbcUrl;
    private final String username;
    private final Optional<String> password;
    private final Receiver receiver;
    private final Duration quietSpell;
    private volatile boolean running = true;
    private volatile Thread thread;

    /** {@code name} names the thread and the connection (pg_stat_activity's application_name). */
    public ChannelListener(String channel, String name, String jdbcUrl, String username, Optional<String> password,
                           Receiver receiver) {
        this(channel, name, jdbcUrl, username, password, receiver, QUIET_SPELL);
    }

    /** With a quiet spell of the caller's (a test's, to notice a lost connection sooner). */
    ChannelListener(String channel, String name, String jdbcUrl, String username, Optional<String> password,
                    Receiver receiver, Duration quietSpell) {
        this.quietSpell = quietSpell;
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
            try (Connection connection = OwnConnection.open(jdbcUrl, username, password, name,
                    OwnConnection.answerWithin(quietSpell, Map.of()));
                 Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + channel);
                PGConnection pg = connection.unwrap(PGConnection.class);
                receiver.listening();
                backoff.reset();
                long quietSince = System.nanoTime();
                while (running) {
                    PGNotification[] heard = pg.getNotifications(WAIT_MILLIS);
                    for (PGNotification notification : heard) {
                        receiver.notified(notification.getParameter());
                    }
                    if (heard.length > 0) {
                        quietSince = System.nanoTime();
                    } else if (System.nanoTime() - quietSince >= quietSpell.toNanos()) {
                        statement.execute("SELECT 1");
                        quietSince = System.nanoTime();
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
