package io.rectification.reporting.readmodel;

import io.rectification.platform.testing.HandTransactions;
import io.rectification.reporting.projection.TaskChanges;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reader waiting here is woken when a change made here commits, without waiting for its notification
 * to come back through PostgreSQL (the listener is not started: no database, and nothing it would hear).
 */
@Tag("fast")
class TaskChangeWakeHereTest {

    final HandTransactions transactions = new HandTransactions();
    final TaskChangeWaits waits = new TaskChangeWaits(4);
    final TaskChangeWatch watch = new TaskChangeWatch("jdbc:postgresql://127.0.0.1:1/none", "nobody", Optional.empty(),
            "reporting-service", waits, transactions);
    final UUID task = UUID.randomUUID();
    final UUID other = UUID.randomUUID();

    @Test
    void aCommitHereWakesTheReadersOfItsTasks() {
        watch.listening();
        TaskChangeWaits.Waiter mine = waits.watch(task).orElseThrow();
        TaskChangeWaits.Waiter theirs = waits.watch(other).orElseThrow();
        transactions.begin();
        watch.changingHere(new TaskChanges.Announced(UUID.randomUUID() + "," + task));
        assertFalse(mine.woken().isDone(), "woken before the commit, it would read the row from before");
        transactions.commit();
        assertTrue(mine.woken().isDone());
        assertFalse(theirs.woken().isDone());
    }

    @Test
    void aRollbackWakesNobody() {
        watch.listening();
        TaskChangeWaits.Waiter mine = waits.watch(task).orElseThrow();
        transactions.begin();
        watch.changingHere(new TaskChanges.Announced(task.toString()));
        transactions.rollback();
        assertFalse(mine.woken().isDone());
    }

    @Test
    void aChangeOfAnyTaskWakesEveryone() {
        watch.listening();
        TaskChangeWaits.Waiter mine = waits.watch(task).orElseThrow();
        TaskChangeWaits.Waiter theirs = waits.watch(other).orElseThrow();
        transactions.begin();
        watch.changingHere(new TaskChanges.Announced(""));
        transactions.commit();
        assertTrue(mine.woken().isDone());
        assertTrue(theirs.woken().isDone());
    }
}
