package io.rectification.platform.events;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.BatchUpdateException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a dead letter says when its event could not be applied: the operator reads the database's
 * error, not the driver's batch text, which repeats the whole statement with its values (thousands
 * of characters, cut at the column's limit before the error it ends with).
 */
@Tag("fast")
class NotAppliedReasonTest {

    @Test
    void aFailedBatchIsNamedByTheDatabaseErrorBehindIt() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO rm_task (id, data) VALUES ('"
                + "x".repeat(3_000) + "') was aborted: ERROR: value too long for type character varying(200)"
                + "  Call getNextException to see other errors in the batch.", "22001", new int[0]);
        batch.setNextException(new PSQLException("ERROR: value too long for type character varying(200)",
                PSQLState.STRING_DATA_RIGHT_TRUNCATION));
        // as reporting-service's Sql wraps it, and the consumer's transaction around that
        RuntimeException failure = new RuntimeException(new IllegalStateException("value too long", batch));

        assertEquals("not applied: ERROR: value too long for type character varying(200) (SQLState 22001)",
                DeadLetters.notApplied(failure));
    }

    @Test
    void aDatabaseErrorOutsideABatchIsNamedTheSameWay() {
        RuntimeException failure = new IllegalStateException("wrapped",
                new PSQLException("ERROR: duplicate key value violates unique constraint \"rm_task_pkey\"",
                        PSQLState.UNIQUE_VIOLATION));

        assertEquals("not applied: ERROR: duplicate key value violates unique constraint \"rm_task_pkey\" (SQLState 23505)",
                DeadLetters.notApplied(failure));
    }

    @Test
    void anyOtherFailureKeepsItsCausesMessage() {
        assertEquals("not applied: unknown area 7",
                DeadLetters.notApplied(new RuntimeException(new IllegalArgumentException("unknown area 7"))));
        assertEquals("not applied: no cause", DeadLetters.notApplied(new IllegalStateException("no cause")));
    }
}
