package io.rectification.reporting.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** What a second reporting-service instance's live poll holds, played by a test's own connection. */
public final class AnotherInstance {

    private AnotherInstance() {
    }

    /** The problem's lock ({@link ProblemSourceLocks}), exclusively, until {@code connection}'s transaction ends. */
    public static void holdProblemLock(Connection connection, UUID problem) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?, ?)) l")) {
            lock.setInt(1, ProblemSourceLocks.PROBLEM_SOURCE);
            lock.setInt(2, problem.hashCode());
            lock.executeQuery().close();
        }
    }
}
