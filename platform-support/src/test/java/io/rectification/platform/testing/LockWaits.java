package io.rectification.platform.testing;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * The sessions of a test's database waiting for a lock at this moment (pg_stat_activity): how a test
 * that holds a transaction open by hand knows the other side has come to wait for it.
 */
public final class LockWaits {

    private LockWaits() {
    }

    /** Sessions of {@code dataSource}'s database waiting for any lock. */
    public static int in(DataSource dataSource) throws SQLException {
        return in(dataSource, "true");
    }

    /** Those of them also meeting {@code condition}, SQL over pg_stat_activity's columns (the test's own text). */
    public static int in(DataSource dataSource, String condition) throws SQLException {
        return (int) Counts.of(dataSource, "SELECT count(*) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND wait_event_type = 'Lock' AND (" + condition + ")");
    }
}
