package io.rectification.reporting.readmodel;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rectification.platform.events.ChangeGeneration;
import io.rectification.platform.events.ChannelListener;
import io.rectification.platform.transaction.TransactionEnds;
import io.rectification.reporting.projection.TaskChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Hears the changes of the task read models ({@link TaskChanges}): every instance's, by the NOTIFY
 * PostgreSQL delivers after their commit, on a connection of its own; and this instance's own at once,
 * when its transaction ends. It keeps a generation that moves with each, for what is kept until the
 * read models change, and wakes the readers waiting for a task ({@link TaskChangeWaits}). While the
 * notifications cannot be heard the generation is {@link #UNKNOWN}: another instance's change could go
 * unseen, so nothing kept may be served then.
 */
@ApplicationScoped
public class TaskChangeWatch implements ChannelListener.Receiver {

    /** No generation to compare with: serve nothing kept. */
    public static final long UNKNOWN = ChangeGeneration.UNKNOWN;

    private final ChangeGeneration generation = new ChangeGeneration();
    private final ChannelListener listener;
    private final TaskChangeWaits waits;
    private final TransactionSynchronizationRegistry transactions;

    public TaskChangeWatch(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                           @ConfigProperty(name = "quarkus.datasource.username") String username,
                           @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                           @ConfigProperty(name = "quarkus.application.name") String applicationName,
                           TaskChangeWaits waits, TransactionSynchronizationRegistry transactions) {
        this.listener = new ChannelListener(TaskChanges.CHANNEL, applicationName + "-task-changes", jdbcUrl, username,
                password, this);
        this.waits = waits;
        this.transactions = transactions;
    }

    void onStart(@Observes StartupEvent event) {
        // listening before the first reader asks, so that the first can already wait
        listener.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        listener.stop();
    }

    /** The current generation, or {@link #UNKNOWN} while other instances' changes cannot be heard. */
    public long generation() {
        return generation.current();
    }

    /**
     * A transaction of this instance changes task read models (announced inside it, before its commit):
     * from now until it has ended here nothing kept is served, and then the generation moves (committed or
     * rolled back: either may change what a read sees). Its NOTIFY comes back a little later and moves it
     * again. From the announcement on, since a reader may see the committed rows before the transaction has
     * ended here (a rebuild's status DONE, read a moment after PostgreSQL's commit, before this instance's
     * generation moved, was answered with the figures from before the rebuild).
     */
    public void changingHere(@Observes TaskChanges.Announced announced) {
        generation.changingIn(transactions);
        wakeReadersOnCommit(announced.payload());
    }

    /**
     * The readers waiting here for the announced tasks are woken once the transaction has committed, not
     * only when its notification comes back (through PostgreSQL and the listening connection: 3 ms at the
     * median and up to 8 of a progress report's way to visible, docs/benchmarks.md). Rolled back, nothing
     * changed for them. The notification still wakes whoever waits on another instance; here it comes
     * later and finds them answered, or has one read again and wait on.
     */
    private void wakeReadersOnCommit(String payload) {
        TransactionEnds.afterCommit(transactions, () -> waits.notified(payload));
    }

    @Override
    public void listening() {
        generation.listening();
        waits.listening();
    }

    @Override
    public void notified(String payload) {
        generation.notified(payload);
        waits.notified(payload);
    }

    @Override
    public void deaf() {
        generation.deaf();
        waits.deaf();
    }
}
