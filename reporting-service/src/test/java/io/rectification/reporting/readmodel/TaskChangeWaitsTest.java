package io.rectification.reporting.readmodel;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who is woken by what; the listener is not started (no database), its reports are given by hand. */
@Tag("fast")
class TaskChangeWaitsTest {

    final TaskChangeWaits waits = new TaskChangeWaits(2);
    final UUID task = UUID.randomUUID();
    final UUID other = UUID.randomUUID();

    @Test
    void nobodyWaitsWhileChangesCannotBeHeard() {
        assertTrue(waits.watch(task).isEmpty());
        waits.listening();
        assertTrue(waits.hearsChanges());
        assertTrue(waits.watch(task).isPresent());
        waits.deaf();
        assertFalse(waits.hearsChanges());
        assertTrue(waits.watch(task).isEmpty());
    }

    @Test
    void aNotificationWakesTheReadersOfTheTasksItNames() {
        waits.listening();
        var mine = waits.watch(task).orElseThrow();
        var theirs = waits.watch(other).orElseThrow();
        waits.notified(UUID.randomUUID() + "," + task);
        assertTrue(mine.woken().isDone());
        assertFalse(theirs.woken().isDone());
    }

    @Test
    void aNotificationNamingNoTaskOrUnreadableWakesEveryone() {
        waits.listening();
        var first = waits.watch(task).orElseThrow();
        waits.notified("");
        assertTrue(first.woken().isDone());
        first.close();
        var second = waits.watch(task).orElseThrow();
        waits.notified("not-a-task-id");
        assertTrue(second.woken().isDone());
    }

    @Test
    void losingOrRegainingTheConnectionWakesEveryone() {
        waits.listening();
        var before = waits.watch(task).orElseThrow();
        waits.deaf();
        assertTrue(before.woken().isDone());
        waits.listening();
        var during = waits.watch(task).orElseThrow();
        waits.listening();
        assertTrue(during.woken().isDone());
    }

    @Test
    void noMoreWaitThanAllowedAndAClosedWaitMakesRoom() {
        waits.listening();
        var first = waits.watch(task).orElseThrow();
        waits.watch(other).orElseThrow();
        assertTrue(waits.watch(task).isEmpty());
        assertEquals(2, waits.waiting());
        first.close();
        first.close();
        assertEquals(1, waits.waiting());
        assertTrue(waits.watch(task).isPresent());
        assertTrue(waits.watch(task).isEmpty());
        // a closed wait is no longer woken
        waits.notified(task.toString());
        assertFalse(first.woken().isDone());
    }
}
