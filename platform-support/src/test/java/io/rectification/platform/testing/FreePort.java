package io.rectification.platform.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A port for a server that a test starts later: free now, and below the range the kernel hands out
 * to outgoing connections, so that none of the many connections the tests open meanwhile (Kafka,
 * JDBC, HTTP, three modules side by side) can take it before the server binds it. A port from
 * {@code new ServerSocket(0)} comes from that very range: the webhook test's, picked when its
 * application started and bound minutes later, was taken once in CI ("Address already in use").
 */
public final class FreePort {

    /** Above the well-known and most registered servers' ports (and the stacks' 8xxx, 9xxx and 19xxx). */
    static final int LOWEST = 20_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    private FreePort() {
    }

    /** A port on 127.0.0.1 that nothing listens on now and no outgoing connection will be given. */
    public static int pick() {
        int below = below();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = LOWEST + ThreadLocalRandom.current().nextInt(below - LOWEST);
            if (free(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port on 127.0.0.1 between " + LOWEST + " and " + below);
    }

    /** The end (exclusive) of the ports picked: where the outgoing range starts, at least a thousand above {@link #LOWEST}. */
    static int below() {
        return Math.max(ephemeralLow(), LOWEST + 1_000);
    }

    /** The lowest port of the kernel's range for outgoing connections (Linux; 32768, its default, elsewhere). */
    private static int ephemeralLow() {
        try {
            return Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
