package io.rectification.platform.events;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells a cache whether the service's data may have changed since it built something: a generation
 * that moves whenever a transaction that wrote events ends here ({@link Outbox} reports it; every
 * change of the ledger writes its event) and whenever a NOTIFY on the outbox channel arrives, which
 * PostgreSQL delivers after the commit of any instance's transaction that wrote events. The
 * notifications are read on a connection of this watch's own, opened when a cache first asks.
 * While that connection is down the generation is {@link #UNKNOWN}: another instance's commit could
 * go unseen, so a cache must not serve then.
 */
@ApplicationScoped
public class CommitWatch {

    /** No generation to compare with: serve nothing from a cache. */
    public static final long UNKNOWN = -1;

    private static final Logger LOG = Logger.getLogger(CommitWatch.class);
    private static final int WAIT_MILLIS = 1_000;

    private final String jdbcUrl;
    private final String username;
    private final Optional<String> password;
    private final String applicationName;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean running = true;
    private volatile Thread thread;

    public CommitWatch(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                       @ConfigProperty(name = "quarkus.datasource.username") String username,
                       @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.applicationName = applicationName + "-commit-watch";
    }

    /** The current generation, or {@link #UNKNOWN} while commits elsewhere cannot be seen. */
    public long generation() {
        // asked on every read of a cached page: the lock is taken only until the watch has started
        if (thread == null) {
            startOnce();
        }
        return listening ? generation.get() : UNKNOWN;
    }

    /** A transaction of this instance that wrote events has ended (committed or not: either may change a read). */
    public void transactionEnded() {
        generation.incrementAndGet();
    }

    void onStop(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) {
        running = false;
    }

    private synchronized void startOnce() {
        if (thread == null) {
            thread = new Thread(this::watch, applicationName);
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void watch() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        while (running) {
            try (Connection connection = OwnConnection.open(jdbcUrl, username, password, applicationName, Map.of())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + Outbox.CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                // whatever was built while not listening may have missed a commit
                generation.incrementAndGet();
                listening = true;
                backoff.reset();
                while (running) {
                    if (pg.getNotifications(WAIT_MILLIS).length > 0) {
                        generation.incrementAndGet();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                generation.incrementAndGet();
                if (running) {
                    Duration wait = backoff.next();
                    LOG.debugf("commit watch: %s; retrying in %d ms", e.getMessage(), wait.toMillis());
                    sleep(wait);
                }
            }
        }
        listening = false;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
