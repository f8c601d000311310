package io.rectification.platform.jdbc;

import jdk.net.ExtendedSocketOptions;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;

/**
 * The sockets of the pooled database connections (PgJDBC's {@code socketFactory}, with {@code tcpKeepAlive=true}):
 * TCP keepalive probes after {@value #IDLE_SECONDS} s of silence, {@value #INTERVAL_SECONDS} s apart, the
 * connection given up after {@value #PROBES} unanswered, about half a minute in all.
 *
 * <p>A statement under way when its database vanished without closing the connection (a node lost in a failover,
 * a firewall or NAT that forgot it) waited for an answer that never came: with the system's keepalive (probes
 * after two hours) or none, a consumer or a request held its thread and its transaction for as long. Now the
 * driver's read fails, the transaction rolls back, and the pool opens another connection to whichever server
 * answers at the address. A server that is merely slow (a long rebuild statement, a migration) answers the
 * probes from its kernel and is never cut off, unlike with a socket timeout. The threads' own connections bound
 * their waits with a socket timeout instead (platform.events.OwnConnection): their statements are short.
 */
public final class KeepAliveSocketFactory extends SocketFactory {

    static final int IDLE_SECONDS = 15;
    static final int INTERVAL_SECONDS = 5;
    static final int PROBES = 3;

    /** The one PgJDBC calls: an unconnected socket, which it connects with its own timeout. */
    @Override
    public Socket createSocket() throws SocketException {
        Socket socket = new Socket();
        socket.setKeepAlive(true);
        try {
            socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, IDLE_SECONDS);
            socket.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, INTERVAL_SECONDS);
            socket.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, PROBES);
        } catch (UnsupportedOperationException | IOException e) {
            // a system without these options keeps its own keepalive timing: a connection as before, not none
        }
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote);
        return socket;
    }
}
