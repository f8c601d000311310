package io.rectification.platform.testing;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class FreePortTest {

    @Test
    void aPickedPortIsBelowTheOutgoingRangeAndCanBeBound() throws Exception {
        for (int i = 0; i < 20; i++) {
            int port = FreePort.pick();
            assertTrue(port >= FreePort.LOWEST && port < FreePort.below(),
                    "port " + port);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", port));
                assertTrue(socket.isBound());
            }
        }
    }

    @Test
    void aPortInUseIsNotPicked() throws Exception {
        // A port held by a server is never the answer, however often one asks.
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress("127.0.0.1", FreePort.pick()));
            for (int i = 0; i < 200; i++) {
                assertTrue(FreePort.pick() != held.getLocalPort());
            }
        }
    }
}
