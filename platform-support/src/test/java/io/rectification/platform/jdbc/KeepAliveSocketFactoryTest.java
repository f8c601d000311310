package io.rectification.platform.jdbc;

import io.rectification.platform.testing.TcpTimers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A connection made with the factory (as the services' pools make theirs) has the kernel probe a silent server
 * after {@value KeepAliveSocketFactory#IDLE_SECONDS} s; one made without it has no such timer, and would wait for
 * an answer from a vanished server for as long as the system's keepalive lets it (hours). Read from the kernel's
 * own table of connections, on the real PostgreSQL the tests use.
 */
class KeepAliveSocketFactoryTest {

    @Test
    void aConnectionThroughTheFactoryProbesASilentServerAfterFifteenSeconds() throws Exception {
        try (Connection connection = connect(Map.of("tcpKeepAlive", "true",
                "socketFactory", KeepAliveSocketFactory.class.getName()))) {
            TcpTimers.Timer timer = TcpTimers.ofLocalPort(clientPort(connection));
            assertEquals(TcpTimers.KEEPALIVE, timer.kind(), timer.toString());
            assertTrue(timer.secondsLeft() <= KeepAliveSocketFactory.IDLE_SECONDS, timer.toString());
        }
    }

    @Test
    void aConnectionWithoutItHasNoProbeComing() throws Exception {
        try (Connection connection = connect(Map.of())) {
            TcpTimers.Timer timer = TcpTimers.ofLocalPort(clientPort(connection));
            assertEquals(0, timer.kind(), timer.toString());
        }
    }

    private static Connection connect(Map<String, String> settings) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", env("RECT_TEST_PG_USER", "rectification"));
        properties.setProperty("password", env("RECT_TEST_PG_PASSWORD", "rectification"));
        properties.putAll(settings);
        return DriverManager.getConnection(env("RECT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/") + "postgres", properties);
    }

    /** This end's port, as the server sees it: the connection is over TCP to the same machine. */
    private static int clientPort(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT inet_client_port()")) {
            row.next();
            return row.getInt(1);
        }
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
