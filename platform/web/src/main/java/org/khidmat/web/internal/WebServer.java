package org.khidmat.web.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Accounts;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Appointments;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.Centre;
import org.khidmat.api.platform.Deployer;
import org.khidmat.api.platform.Figures;
import org.khidmat.api.platform.HealthCheck;
import org.khidmat.api.platform.Metrics;
import org.khidmat.api.platform.Notifications;
import org.khidmat.api.platform.Payments;
import org.khidmat.api.platform.Queue;
import org.khidmat.api.platform.Ratings;
import org.khidmat.api.store.Throttles;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The centre's handlers, put into the Jetty server of {@link JettyBoot} once the catalogue, the deployer and the
 * other services they use are there; taken out again (the server answers "starting") when one of them leaves.
 */
@Component(immediate = true, service = {}, configurationPid = WebConfig.PID)
@Designate(ocd = WebConfig.class)
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private final JettyBoot boot;
    /** The health checks of the platform's bundles, with their properties (name, readiness). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, service = HealthCheck.class)
    private volatile List<Map.Entry<Map<String, Object>, HealthCheck>> checks = List.of();
    /** The bundle set with each bundle's outcome per node, for the admin console; optional. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile org.khidmat.api.store.BundleSet bundleSet;
    private final HallEvents events;
    private final FormThrottle throttle;
    /** The counters every node shares, for the limits on public forms and logins (optional: without, per node). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile Throttles throttles;

    @Activate
    public WebServer(BundleContext context, WebConfig config, @Reference Centre centre, @Reference Catalogue catalogue, @Reference Deployer deployer,
            @Reference Applications applications, @Reference AuditLog audit, @Reference ServiceReference<Accounts> accounts,
            @Reference Queue queue, @Reference Appointments appointments, @Reference Payments payments,
            @Reference Ratings ratings, @Reference Figures figures, @Reference Notifications notifications,
            @Reference Metrics metrics) throws Exception {
        boot = JettyBoot.current();
        if (boot == null) {
            throw new IllegalStateException("the web bundle's server is not running");
        }
        CentreTime.use(centre);
        Brand.use(centre);
        Gate gate = new Gate(lazy(context, accounts));
        ConsoleLayout layout = new ConsoleLayout();
        Path home = Path.of(property(context, "khidmat.home", "."));
        Uploads uploads = new Uploads(home.resolve("data").resolve("uploads"));
        BundleDesk desk = new BundleDesk(deployer);
        BundleForms bundles = new BundleForms(desk, uploads, layout, catalogue);
        ApplyPages apply = new ApplyPages(applications, new Drafts(), queue);
        BookingQuota quota = new BookingQuota(java.time.Clock.systemUTC(), BookingQuota.PER_DAY);
        Supplier<HallBoard> board = HallBoard.reader(queue, catalogue);
        events = new HallEvents(queue, board, HallEvents.KEEP_ALIVE);
        String instance = context.getProperty("khidmat.instance");
        throttle = new FormThrottle(new Handler.Sequence(new Assets(),
                new HealthApi(catalogue, deployer, () -> checks, instance),
                new MetricsApi(metrics, metricsToken(home), gate, () -> checks, boot::server), new LoginPages(gate, layout),
                new BundleApi(gate, desk, catalogue, uploads), new StaffApi(gate, audit, applications),
                new ApplicationApi(applications, catalogue), new QueueApi(gate, queue, catalogue, board, applications),
                new AppointmentApi(appointments, catalogue, queue, quota), new PaymentApi(applications, payments, ratings),
                new FiguresSite(figures, catalogue), new ApiHandler(catalogue, deployer),
                new CitizenSite(catalogue, applications, apply, new TrackSections(payments, ratings, notifications)), events,
                new HallSite(queue, appointments, catalogue, board, applications, quota), new CounterPages(gate, queue, catalogue, apply, layout),
                new PaySite(applications, payments, ratings), new CollectionsPages(gate, payments, layout),
                new AdminPages(gate, catalogue, bundles, layout, new AccountPages(gate, layout), new AuditPage(audit, layout),
                        new OutboxPage(notifications, layout), () -> bundleSet),
                new AgencyPages(gate, new InboxPages(applications, catalogue, layout, audit), bundles, layout, audit), new NotFound()), config.publicPostsPerMinute(), System::nanoTime,
                FormThrottle.validCredential(gate), new SharedLimit(() -> throttles, java.time.Clock.systemUTC()));
        boot.serve(new HttpMetrics(new SecurityHeaders(new LanguageMemory(throttle)), metrics));
    }

    /** A change of {@code conf/org.khidmat.web.cfg.json}: the new limit of public POSTs, at once. */
    @Modified
    void modified(WebConfig config) {
        throttle.limit(config.publicPostsPerMinute());
    }

    /** The scraper's token in {@code conf/}, made at the first start; without it only admins can read /metrics. */
    private static MetricsToken metricsToken(Path home) {
        try {
            return MetricsToken.loadOrCreate(home.resolve("conf"));
        } catch (IOException | RuntimeException e) {
            LOG.error("metrics: conf/{} could not be read or made ({}); /metrics answers centre admins only",
                    MetricsToken.FILE, e.getMessage());
            return null;
        }
    }

    @Deactivate
    void stop() throws Exception {
        events.close(); // ends the hall displays' streams, so they reconnect to whatever serves next
        boot.serve(null);
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
