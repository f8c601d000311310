package io.rectification.platform.error;

import java.sql.SQLException;

/**
 * Recognises, anywhere among a failure's causes and suppressed exceptions ({@link Causes}), that
 * PostgreSQL rolled the transaction back to settle a conflict with a concurrent one: a deadlock (40P01) or a serialization failure (40001). Nothing was
 * stored and the same request will very likely succeed at once, so it is a 503 with a short
 * Retry-After, not a 500 (found by the fault suite: a progress report and the follow-up job's batch
 * took the audit chain's lock and a task's row in opposite orders).
 */
public final class TransactionConflict {

    private TransactionConflict() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause : Causes.of(failure)) {
            if (cause instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
