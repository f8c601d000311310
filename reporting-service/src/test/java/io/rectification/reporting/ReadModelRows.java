package io.rectification.reporting;

import io.rectification.reporting.support.Sql;

/**
 * A read model's row by id: how a test knows the events it sent have been applied (a problem and
 * its area before a task of theirs is sent, say), said once for the tests that wait for it.
 */
public final class ReadModelRows {

    private ReadModelRows() {
    }

    /** Whether {@code table} (a read model keyed by a uuid {@code id}) holds the row of {@code id}. */
    public static boolean hold(Sql sql, String table, Object id) {
        return sql.one("SELECT count(*) FROM " + table + " WHERE id = CAST(? AS uuid)", row -> row.getLong(1),
                id.toString()) == 1;
    }
}
