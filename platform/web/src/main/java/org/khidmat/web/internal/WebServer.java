package org.khidmat.web.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
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
import org.khidmat.api.platform.Accounts;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Appointments;
import org.khidmat.api.platform.AuditLog;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.Deployer;
import org.khidmat.api.platform.Queue;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The centre's one web server: Jetty 12 with the core Handler API, started when the catalogue and the
 * deployer are there. Port and address come from the framework properties {@code khidmat.port} (default
 * 8080) and {@code khidmat.host} (default all addresses).
 */
@Component(immediate = true, service = {})
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private final Server server;
    private final Thread starting;
    private final HallEvents events;

    @Activate
    public WebServer(BundleContext context, @Reference Catalogue catalogue, @Reference Deployer deployer,
            @Reference Applications applications, @Reference AuditLog audit, @Reference ServiceReference<Accounts> accounts,
            @Reference Queue queue, @Reference Appointments appointments) throws Exception {
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
        Gate gate = new Gate(lazy(context, accounts));
        ConsoleLayout layout = new ConsoleLayout();
        Uploads uploads = new Uploads(Path.of(property(context, "khidmat.home", ".")).resolve("data").resolve("uploads"));
        BundleDesk desk = new BundleDesk(deployer);
        BundleForms bundles = new BundleForms(desk, uploads, layout);
        ApplyPages apply = new ApplyPages(applications, new Drafts(), queue);
        Supplier<HallBoard> board = HallBoard.reader(queue, catalogue);
        // comments keep the display's stream busy well within the connector's idle timeout
        events = new HallEvents(queue, board, Duration.ofMillis(Math.max(1000, connector.getIdleTimeout() / 3)));
        server.setHandler(new SecurityHeaders(new Handler.Sequence(new Assets(), new LoginPages(gate),
                new BundleApi(gate, desk, catalogue, uploads), new StaffApi(gate, audit, applications),
                new ApplicationApi(applications, catalogue), new QueueApi(gate, queue, catalogue, board),
                new AppointmentApi(appointments, catalogue, queue),
                new ApiHandler(catalogue, deployer, context.getProperty("khidmat.instance")),
                new CitizenSite(catalogue, applications, apply), events, new HallSite(queue, appointments, catalogue, board),
                new CounterPages(gate, queue, catalogue, apply, layout),
                new AdminPages(gate, catalogue, bundles, layout, new AccountPages(gate, layout), new AuditPage(audit, layout)),
                new AgencyPages(gate, applications, catalogue, bundles, layout, audit), new NotFound())));
        // Jetty starts on a thread of its own, so the framework goes on starting the other bundles meanwhile
        starting = new Thread(() -> {
            try {
                server.start();
                LOG.info("web: serving on port {}", connector.getLocalPort());
            } catch (Exception e) {
                LOG.error("web: the server did not start on port {}: {}", port, e.getMessage(), e);
            }
        }, "khidmat-web-start");
        starting.start();
    }

    @Deactivate
    void stop() throws Exception {
        starting.join(10_000);
        events.close(); // ends the hall displays' streams, which would otherwise hold the stop up
        server.stop();
    }

    /** The accounts service, got at the first staff request: activating it earlier would slow the centre's start. */
    private static Supplier<Accounts> lazy(BundleContext context, ServiceReference<Accounts> reference) {
        AtomicReference<Accounts> got = new AtomicReference<>();
        return () -> got.updateAndGet(a -> a != null ? a : context.getService(reference));
    }

    private static String property(BundleContext context, String key, String fallback) {
        String v = context.getProperty(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** The last handler: a plain 404 for anything nobody else answered. */
    private static final class NotFound extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Http.error(response, callback, 404, "nothing at " + Request.getPathInContext(request));
            return true;
        }
    }
}
