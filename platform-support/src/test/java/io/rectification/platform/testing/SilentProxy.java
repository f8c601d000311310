package io.rectification.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of a server whose open connections can be made to fall silent: they stay open,
 * and nothing passes either way any more, as when the server vanished without closing them (its node
 * lost, a firewall that forgot the connection). No reset, no end of stream: only silence. Connections
 * opened afterwards pass as before, as a new connection reaches the server that took over.
 */
public final class SilentProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Pair> pairs = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    private SilentProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "silent-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy in front of the server of {@code jdbcUrl} ({@code jdbc:postgresql://host:port/database}). */
    public static SilentProxy before(String jdbcUrl) throws IOException {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return new SilentProxy(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
    }

    /** {@code jdbcUrl} with the proxy's address in place of the server's. */
    public String through(String jdbcUrl) {
        return jdbcUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + server.getLocalPort() + "/");
    }

    /** Connections accepted since the start. */
    public int accepted() {
        return accepted.get();
    }

    /** The connections open now pass nothing more, either way, and stay open. */
    public void silenceOpenConnections() {
        pairs.forEach(pair -> pair.silent = true);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Pair pair : pairs) {
            pair.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                Pair pair = new Pair(client, upstream);
                pairs.add(pair);
                accepted.incrementAndGet();
                pair.start();
            } catch (IOException e) {
                // closed, or the server refused: the client sees its connection end
            }
        }
    }

    private static final class Pair {
        private final Socket client;
        private final Socket upstream;
        private volatile boolean silent;

        Pair(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() throws IOException {
            pump(client.getInputStream(), upstream.getOutputStream());
            pump(upstream.getInputStream(), client.getOutputStream());
        }

        private void pump(InputStream from, OutputStream to) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try {
                    for (int n; (n = from.read(buffer)) >= 0; ) {
                        if (!silent) {
                            to.write(buffer, 0, n);
                            to.flush();
                        }
                    }
                } catch (IOException e) {
                    // one side closed
                }
                if (!silent) {
                    close();
                }
            }, "silent-proxy-pump");
            thread.setDaemon(true);
            thread.start();
        }

        void close() {
            try {
                client.close();
                upstream.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
