package org.khidmat.web.internal;

import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.Liveness;
import org.khidmat.web.internal.http.RequestIds;
import org.khidmat.web.internal.http.ServerSetup;
import org.khidmat.web.internal.http.TrustedProxies;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Jetty when this bundle starts, on a thread of its own, and keeps it for the bundle's life: the server
 * answers 503 "starting" until {@link WebServer} puts the centre's handlers in, and again while they are out (a
 * service they use went away), instead of closing the port. Port and address ({@code org.khidmat.http} of
 * {@code docs/configuration.md}, which the launcher reads before the framework starts) come from the framework properties {@code khidmat.port} (default 8080) and {@code khidmat.host}
 * (default all addresses); {@code khidmat.http.forwarded=true} trusts the X-Forwarded-For and -Proto headers of the
 * proxies in {@code khidmat.http.trustedProxies} (default loopback). The server itself is made by {@link ServerSetup}.
 * {@code /health/live} answers 200 from the moment the server listens ({@link Liveness}).
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class JettyBoot implements BundleActivator {
    private static final Logger LOG = LoggerFactory.getLogger(JettyBoot.class);
    private static volatile JettyBoot current;
    private Server server;
    private Handler.Wrapper slot;
    private Thread starting;
    private boolean started;
    private Handler pending;

    /** @return the running boot of this bundle, or {@code null} when the bundle is not started */
    static JettyBoot current() {
        return current;
    }

    @Override
    public void start(BundleContext context) {
        int port = Integer.parseInt(property(context, "khidmat.port", "8080"));
        TrustedProxies proxies = null;
        if ("true".equalsIgnoreCase(property(context, "khidmat.http.forwarded", "false"))) {
            // behind a TLS-terminating proxy: take the scheme and client address from the X-Forwarded-* headers that
            // the configured proxies wrote, and from nobody else
            proxies = TrustedProxies.parse(context.getProperty("khidmat.http.trustedProxies"));
            LOG.info("web: behind a proxy; forwarded client addresses are read from {} only", property(context,
                    "khidmat.http.trustedProxies", TrustedProxies.LOOPBACK));
        }
        server = ServerSetup.create(new ServerSetup.Options(context.getProperty("khidmat.host"), port, proxies,
                ServerSetup.PER_ADDRESS));
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        slot = new Handler.Wrapper(true, new Starting());
        server.setHandler(new RequestIds(new Liveness(slot)));
        current = this;
        starting = new Thread(() -> {
            try {
                server.start();
                synchronized (this) {
                    started = true;
                    if (pending != null) {
                        slot.setHandler(pending);
                        pending = null;
                    }
                }
                LOG.info("web: serving on port {}", connector.getLocalPort());
            } catch (Exception e) {
                LOG.error("web: the server did not start on port {}: {}", port, e.getMessage(), e);
            }
        }, "khidmat-web-start");
        starting.start();
    }

    /**
     * Puts the centre's handlers in, or {@code null} to answer "starting" again. It never waits for the server to
     * start (that would hold up the framework's start thread): handlers given before are put in once it has.
     */
    /** @return the server, for its own figures (threads, connections) in the metrics */
    Server server() {
        return server;
    }

    synchronized void serve(Handler handler) {
        Handler h = handler == null ? new Starting() : handler;
        if (started) {
            slot.setHandler(h);
        } else {
            pending = h;
        }
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        current = null;
        starting.join(10_000);
        server.stop();
    }

    private static String property(BundleContext context, String key, String fallback) {
        String v = context.getProperty(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** The answer before the centre's handlers are in: 503 with Retry-After. */
    private static final class Starting extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            response.getHeaders().put("Retry-After", "1");
            Http.json(response, callback, 503, java.util.Map.of("status", "STARTING"));
            return true;
        }
    }
}
