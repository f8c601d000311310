package io.rectification.platform.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises, anywhere among a failure's causes and suppressed exceptions ({@link Causes}), that
 * PostgreSQL could not be reached: no connection from the pool in time (Agroal's "Acquisition timeout"), a connection refused or lost (SQLState
 * class 08), the server shutting down or not yet accepting connections (57P01–57P03), the database
 * closed to new connections (55000 "is not currently accepting connections", as during a restore or
 * an operator's ALTER DATABASE … ALLOW_CONNECTIONS false) or out of connection slots (53300). Such a
 * request may succeed later, so it is a 503 with Retry-After, not a 500.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause : Causes.of(failure)) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.matches("57P0[123]") || state.equals("53300"))) {
                    return true;
                }
                // 55000 is also raised by ordinary statements on objects in the wrong state: only the refusal counts
                if ("55000".equals(state) && sql.getMessage() != null
                        && sql.getMessage().contains("not currently accepting connections")) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
