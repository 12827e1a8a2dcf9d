package org.khidmat.web.internal.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the open connections of one client address: a connection beyond {@code most} is closed as it opens, before a
 * byte of it is read, so that one client (say 200 connections sending their bodies a byte every few seconds) cannot
 * hold the server's threads. Trusted proxies are not capped: every client behind them shares their address.
 */
final class ConnectionsPerAddress implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsPerAddress.class);
    private final int most;
    private final TrustedProxies exempt;
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final Map<Connection, String> counted = new ConcurrentHashMap<>();

    /** @param exempt the proxies whose connections are not capped, or {@code null} */
    ConnectionsPerAddress(int most, TrustedProxies exempt) {
        this.most = most;
        this.exempt = exempt;
    }

    @Override
    public void onOpened(Connection connection) {
        String address = address(connection.getEndPoint().getRemoteSocketAddress());
        if (address == null || exempt != null && exempt.trusts(address)) {
            return;
        }
        AtomicInteger n = open.computeIfAbsent(address, a -> new AtomicInteger());
        counted.put(connection, address);
        if (n.incrementAndGet() > most) {
            LOG.debug("web: closing a connection beyond the {} one address may hold", most);
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        String address = counted.remove(connection);
        if (address != null) {
            open.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
    }

    /** @return the connections open now from an address */
    int open(String address) {
        AtomicInteger n = open.get(address);
        return n == null ? 0 : n.get();
    }

    private static String address(SocketAddress a) {
        return a instanceof InetSocketAddress i && i.getAddress() != null ? i.getAddress().getHostAddress() : null;
    }
}
