package io.rectification.reporting.support;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.TcpTimers;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pool's connections are made as every service's are (platform-support's configuration): their sockets
 * probe a silent database after 15 s (platform.jdbc.KeepAliveSocketFactory), so a statement under way when the
 * database vanished fails within about half a minute instead of holding its thread for hours.
 */
@QuarkusTest
class PooledConnectionKeepAliveTest {

    @Inject
    Sql sql;

    @Test
    void aPooledConnectionProbesASilentDatabase() throws Exception {
        int port = sql.one("SELECT inet_client_port()", row -> row.getInt(1));
        TcpTimers.Timer timer = TcpTimers.ofLocalPort(port);
        assertEquals(TcpTimers.KEEPALIVE, timer.kind(), timer.toString());
        assertTrue(timer.secondsLeft() <= 15, timer.toString());
    }
}
