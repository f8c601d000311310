package io.rectification.reporting.projection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.Counts;
import io.rectification.platform.testing.LockWaits;
import io.rectification.reporting.ContractEvents;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two instances applying polls that touch the same rows can deadlock; PostgreSQL then rolls one
 * back. That is no fault of its events: the consumer tries the poll again, and the event is applied,
 * not sent to the dead letters (before, a poll of one event lost it there, "not applied: deadlock
 * detected"). The other instance is played here by a connection of the test's own that takes the
 * task's row and then the problem's lock ({@link ProblemSourceLocks}) the consumer holds.
 */
@QuarkusTest
class TransactionConflictTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPollThatLostADeadlockIsAppliedAgainNotDeadLettered() throws Exception {
        ContractEvents plan = new ContractEvents();
        UUID area = plan.registerArea(1, "方面一");
        UUID problem = plan.registerProblem(area, 1, "问题一");
        UUID task = UUID.randomUUID();
        ContractEvents.sendTask("TaskCreated", plan.task(task, area, problem, 1, "IN_PROGRESS", "2025-06-30"), 1);
        await().atMost(WAIT).until(() -> version(task) == 1);
        long deadlocksBefore = deadlocks();

        String eventId;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement row = other.prepareStatement("SELECT id FROM rm_task WHERE id = ? FOR UPDATE")) {
                row.setObject(1, task);
                row.executeQuery().close();
            }
            ObjectNode updated = plan.task(task, area, problem, 1, "IN_PROGRESS", "2025-09-30");
            eventId = ContractEvents.sendTask("TaskUpdated", updated, 2);
            // the consumer holds the problem's lock and waits for the task's row; long enough that its
            // deadlock check comes first and it is the one rolled back
            await().atMost(WAIT).until(() -> waitingForARow() > 0);
            Thread.sleep(300);
            AnotherInstance.holdProblemLock(other, problem);
            other.rollback();
        }

        await().atMost(WAIT).until(() -> version(task) == 2 || deadLetters(eventId) > 0);
        assertEquals(0, deadLetters(eventId), "dead letters of the event");
        assertEquals(2, version(task));
        // and the scene was what it says: PostgreSQL settled a deadlock (its statistics come a moment later)
        await().atMost(WAIT).until(() -> deadlocks() > deadlocksBefore);
    }

    private long version(UUID task) throws Exception {
        return single("SELECT coalesce(max(version), 0) FROM rm_task WHERE id = ?", task);
    }

    private long deadLetters(String eventId) throws Exception {
        return single("SELECT count(*) FROM dead_letter WHERE event_id = ?", eventId);
    }

    private long waitingForARow() throws Exception {
        return LockWaits.in(dataSource, "wait_event IN ('transactionid', 'tuple') AND state = 'active'");
    }

    private long deadlocks() throws Exception {
        return single("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()");
    }

    private long single(String sql, Object... parameters) throws Exception {
        return Counts.of(dataSource, sql, parameters);
    }
}
