package io.rectification.platform.events;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

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
    public static final long UNKNOWN = ChangeGeneration.UNKNOWN;

    private final ChangeGeneration generation = new ChangeGeneration();
    private final ChannelListener listener;

    public CommitWatch(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                       @ConfigProperty(name = "quarkus.datasource.username") String username,
                       @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.listener = new ChannelListener(Outbox.CHANNEL, applicationName + "-commit-watch", jdbcUrl, username,
                password, generation);
    }

    /** The current generation, or {@link #UNKNOWN} while commits elsewhere cannot be seen. */
    public long generation() {
        // asked on every read of a cached page: the listener starts on the first
        listener.start();
        return generation.current();
    }

    /**
     * The current transaction writes events: nothing cached is served until it has ended, and then the
     * generation moves (committed or not: either may change a read).
     */
    public void changingIn(TransactionSynchronizationRegistry transactions) {
        generation.changingIn(transactions);
    }

    void onStop(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) {
        listener.stop();
    }
}
