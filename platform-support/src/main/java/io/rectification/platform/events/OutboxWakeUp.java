package io.rectification.platform.events;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the outbox relays after a commit that wrote events, for writers that commit many changes at a
 * high rate (group commit): this process's at once, in process ({@link OutboxRelay#wakeUpHere}), and the
 * other instances' by a NOTIFY on the outbox channel, on which they LISTEN.
 *
 * <p>A NOTIFY inside the data's transaction holds PostgreSQL's notification lock from just
 * before the commit until the commit's WAL flush is over, so writers committing at the same
 * time queue behind each other. The notification is only a wake-up (the relay polls anyway),
 * so it is sent here instead: after the commit, from a connection and thread of its own,
 * committed asynchronously (the lock is held for no WAL flush), and requests for it that arrive
 * while one is being sent are folded into the next.
 */
@ApplicationScoped
public class OutboxWakeUp {

    private static final Logger LOG = Logger.getLogger(OutboxWakeUp.class);
    static final String NAME = "outbox-wake-up";

    private final String jdbcUrl;
    private final String username;
    private final Optional<String> password;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile Thread thread;
    private volatile boolean running = true;

    public OutboxWakeUp(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                        @ConfigProperty(name = "quarkus.datasource.username") String username,
                        @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    /** Asks for a wake-up of the relays; call it after the commit. Never blocks, never fails. */
    public void request() {
        OutboxRelay.wakeUpHere();
        if (wanted.compareAndSet(false, true)) {
            LockSupport.unpark(thread());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        Thread current = thread;
        if (current != null) {
            LockSupport.unpark(current);
        }
    }

    private Thread thread() {
        Thread current = thread;
        if (current == null) {
            synchronized (this) {
                if (thread == null) {
                    thread = new Thread(this::run, NAME);
                    thread.setDaemon(true);
                    thread.start();
                }
                current = thread;
            }
        }
        return current;
    }

    private void run() {
        Connection connection = null;
        while (running) {
            if (!wanted.getAndSet(false)) {
                LockSupport.park(this);
                continue;
            }
            try {
                if (connection == null) {
                    connection = connect();
                }
                try (Statement notify = connection.createStatement()) {
                    notify.execute(Outbox.NOTIFY);
                }
            } catch (SQLException e) {
                // The relays still poll; the next request tries a new connection.
                LOG.warnf("outbox wake-up not sent: %s", e.getMessage());
                close(connection);
                connection = null;
                LockSupport.parkNanos(100_000_000L);
            }
        }
        close(connection);
    }

    private Connection connect() throws SQLException {
        // Not waiting for the WAL flush is what keeps the notification lock short; a lost
        // wake-up (a crash just then) is covered by the relay's poll.
        return OwnConnection.open(jdbcUrl, username, password, NAME, Map.of("options", "-c synchronous_commit=off"));
    }

    private static void close(Connection connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // A broken connection: nothing more to do.
        }
    }
}
