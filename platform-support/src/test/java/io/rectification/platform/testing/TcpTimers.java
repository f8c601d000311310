package io.rectification.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The kernel's timer on this machine's end of a TCP connection, read from /proc/net/tcp (and tcp6) by the
 * connection's local port: which timer runs (none, retransmission, keepalive) and when it fires. How a test
 * sees that a database connection probes a silent server ({@code SELECT inet_client_port()} names the port).
 */
public final class TcpTimers {

    /** The {@code tr} column's keepalive timer. */
    public static final int KEEPALIVE = 2;
    /** The {@code tm->when} column's unit: USER_HZ, 100 a second on Linux. */
    private static final int TICKS_PER_SECOND = 100;

    /** {@code kind}: 0 none, 1 retransmission, 2 keepalive; {@code secondsLeft}: until it fires. */
    public record Timer(int kind, double secondsLeft) {
    }

    private TcpTimers() {
    }

    public static Timer ofLocalPort(int port) throws IOException {
        String local = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Optional<Timer> timer = Files.readAllLines(Path.of(table)).stream().skip(1)
                    .map(line -> line.trim().split("\\s+"))
                    .filter(columns -> columns[1].endsWith(local))
                    .map(columns -> {
                        String[] kindAndWhen = columns[5].split(":");
                        return new Timer(Integer.parseInt(kindAndWhen[0], 16),
                                Long.parseLong(kindAndWhen[1], 16) / (double) TICKS_PER_SECOND);
                    }).findFirst();
            if (timer.isPresent()) {
                return timer.get();
            }
        }
        throw new IllegalStateException("no TCP connection from local port " + port + " in /proc/net/tcp or tcp6");
    }
}
