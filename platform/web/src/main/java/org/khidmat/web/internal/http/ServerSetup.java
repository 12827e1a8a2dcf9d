package org.khidmat.web.internal.http;

import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The centre's Jetty server with its defences against slow and greedy clients: at most {@link #PER_ADDRESS}
 * connections from one client address ({@link ConnectionsPerAddress}), at most {@link #MOST_CONNECTIONS} in all
 * (Jetty's {@link ConnectionLimit}: beyond it the server stops accepting until some close), a connection idle for
 * {@link #IDLE_MS} closed (longer than the hall screen's keep-alive), a request body read with a short idle timeout
 * and a deadline from a minimum data rate ({@link Exchange#body}), and the error pages of {@link ErrorPages}. Behind a
 * proxy, the forwarded client address and scheme are taken only from the proxies in {@link TrustedProxies}.
 */
public final class ServerSetup {
    public static final int PER_ADDRESS = 50;
    static final int MOST_CONNECTIONS = 4_000;
    static final long IDLE_MS = 30_000;

    /**
     * @param host the address to listen on, or {@code null} for all
     * @param port the port, 0 for any free one
     * @param proxies the trusted proxies when behind one, or {@code null} when clients connect directly
     * @param perAddress the connections one client address may hold
     */
    public record Options(String host, int port, TrustedProxies proxies, int perAddress) {
    }

    private ServerSetup() {
    }

    /** @return a server, not started, with one connector; put the handler in with {@link Server#setHandler} */
    public static Server create(Options o) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("khidmat-http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // kept for what reads it; Jetty 12's core does not enforce it: Exchange.body does, with its deadline
        http.setMinRequestDataRate(Exchange.MIN_BYTES_PER_SECOND);
        if (o.proxies() != null) {
            http.addCustomizer(o.proxies());
        }
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(o.port());
        if (o.host() != null && !o.host().isBlank()) {
            connector.setHost(o.host());
        }
        connector.setIdleTimeout(IDLE_MS);
        connector.addBean(new ConnectionsPerAddress(o.perAddress(), o.proxies()));
        server.addConnector(connector);
        server.addBean(new ConnectionLimit(MOST_CONNECTIONS, server));
        server.setErrorHandler(new ErrorPages());
        return server;
    }
}
