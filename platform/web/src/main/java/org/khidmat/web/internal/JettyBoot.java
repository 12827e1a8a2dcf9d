package org.khidmat.web.internal;

import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Jetty when this bundle starts, on a thread of its own, and keeps it for the bundle's life: the server
 * answers 503 "starting" until {@link WebServer} puts the centre's handlers in, and again while they are out (a
 * service they use went away), instead of closing the port. Port and
 * address come from the framework properties {@code khidmat.port} (default 8080) and {@code khidmat.host}
 * (default all addresses); {@code khidmat.http.forwarded=true} trusts a proxy's X-Forwarded-* headers.
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
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("khidmat-http");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        if ("true".equalsIgnoreCase(property(context, "khidmat.http.forwarded", "false"))) {
            // behind a TLS-terminating proxy: take the scheme and client address from its X-Forwarded-* headers;
            // only with a proxy that sets them, or a client could pose as any address to the login throttle
            http.addCustomizer(new ForwardedRequestCustomizer());
        }
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        String host = context.getProperty("khidmat.host");
        if (host != null && !host.isBlank()) {
            connector.setHost(host);
        }
        server.addConnector(connector);
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowMessageInTitle(false);
        server.setErrorHandler(errors);
        slot = new Handler.Wrapper(true, new Starting());
        server.setHandler(slot);
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
