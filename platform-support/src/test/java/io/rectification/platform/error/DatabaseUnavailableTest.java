package io.rectification.platform.error;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database that does not answer is a 503 with Retry-After, with the exceptions the real driver
 * and pool throw against a port where nothing listens; a genuine SQL error stays a 500.
 */
class DatabaseUnavailableTest {

    @Test
    void aRefusedConnectionFromTheDriverIsA503WithRetryAfter() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/rectification";
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "x", "y"));
        // as Hibernate and the services' plain-JDBC helper wrap it
        assertUnavailable(new JDBCConnectionException("Unable to acquire JDBC Connection", refused));
        assertUnavailable(new IllegalStateException(refused.getMessage(), refused));
    }

    /** Found by the fault suite: a database closed to new connections answered 500. */
    @Test
    void aDatabaseClosedToNewConnectionsIsA503WithRetryAfter() throws Exception {
        String server = env("RECT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
        String user = env("RECT_TEST_PG_USER", "rectification");
        String password = env("RECT_TEST_PG_PASSWORD", "rectification");
        String database = "rect_closed" + env("RECT_TEST_DB_SUFFIX", "").toLowerCase();
        try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
             Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database);
            sql.execute("CREATE DATABASE " + database);
            sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            try {
                SQLException refused = assertThrows(SQLException.class,
                        () -> DriverManager.getConnection(server + database, user, password));
                assertEquals("55000", refused.getSQLState(), refused.toString());
                // Hibernate wraps a state it does not class as a connection failure generically
                assertUnavailable(new GenericJDBCException("Unable to acquire JDBC Connection", refused));
            } finally {
                sql.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    /** Found by the fault suite: a deadlock PostgreSQL settled by rolling the request back answered 500. */
    @Test
    void aDeadlockOrSerializationFailureIsA503WithAShortRetryAfter() {
        for (String state : List.of("40P01", "40001")) {
            SQLException lost = new SQLException("deadlock detected", state);
            var response = new ErrorMappers(null).unexpected(
                    new jakarta.persistence.PessimisticLockException("JDBC exception executing SQL", lost), null);
            assertEquals(503, response.getStatus(), state);
            assertEquals(String.valueOf(ErrorMappers.CONFLICT_RETRY_AFTER_SECONDS), response.getHeaderString("Retry-After"));
            assertEquals(ErrorBody.MEDIA_TYPE, response.getMediaType().toString());
        }
    }

    /**
     * Found by the fault suite: the database cut off during COMMIT answered 500. The transaction
     * manager throws a RollbackException with the driver's error as a suppressed exception, not its cause.
     */
    @Test
    void aCommitTheDatabaseBrokeOffIsA503WithRetryAfter() {
        // the driver's error as the server sent it (SQLState 57P01, admin_shutdown)
        SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        javax.transaction.xa.XAException commit = new javax.transaction.xa.XAException(
                "Error trying to transactionCommit local transaction: " + terminated.getMessage());
        commit.initCause(terminated);
        jakarta.transaction.RollbackException rolledBack =
                new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
        rolledBack.addSuppressed(commit);
        rolledBack.addSuppressed(rolledBack.getSuppressed()[0]); // a repeated one is walked once
        assertUnavailable(new RuntimeException("Error invoking subclass method", rolledBack));
    }

    @Test
    void anOrdinaryObjectStateErrorIsNotAnOutage() {
        SQLException state = new SQLException("cannot refresh materialized view concurrently", "55000");
        assertFalse(DatabaseUnavailable.causedBy(state));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Test
    void noConnectionFromThePoolInTimeIsA503WithRetryAfter() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/rectification";
        try (AgroalDataSource pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(cp -> cp.maxSize(1).acquisitionTimeout(Duration.ofSeconds(1))
                        .connectionFactoryConfiguration(cf -> cf.jdbcUrl(url))))) {
            SQLException timeout = assertThrows(SQLException.class, () -> {
                try (Connection ignored = pool.getConnection()) {
                    return;
                }
            });
            assertUnavailable(new GenericJDBCException("Unable to acquire JDBC Connection", timeout));
        }
    }

    @Test
    void aGenuineSqlErrorIsNotAnOutage() {
        PSQLException duplicate = new PSQLException("duplicate key value violates unique constraint",
                PSQLState.UNIQUE_VIOLATION);
        assertFalse(DatabaseUnavailable.causedBy(new GenericJDBCException("could not execute statement", duplicate)));
        assertEquals(500, new ErrorMappers(null).unexpected(new IllegalStateException("boom"), null).getStatus());
    }

    private static void assertUnavailable(Throwable failure) {
        assertTrue(DatabaseUnavailable.causedBy(failure), failure.toString());
        var response = new ErrorMappers(null).unexpected(failure, null);
        assertEquals(503, response.getStatus());
        assertEquals(String.valueOf(ErrorMappers.DATABASE_RETRY_AFTER_SECONDS), response.getHeaderString("Retry-After"));
        assertEquals(ErrorBody.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals("Service unavailable", ((ErrorBody) response.getEntity()).title());
    }

    /** A port nothing listens on: bound, then released. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
