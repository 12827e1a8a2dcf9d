package org.khidmat.web.internal;

import org.khidmat.web.internal.page.SharedLimit;
import org.khidmat.web.internal.api.ApiHandler;
import org.khidmat.web.internal.api.ApplicationApi;
import org.khidmat.web.internal.api.AppointmentApi;
import org.khidmat.web.internal.api.BundleApi;
import org.khidmat.web.internal.api.HealthApi;
import org.khidmat.web.internal.api.MetricsApi;
import org.khidmat.web.internal.api.MetricsToken;
import org.khidmat.web.internal.api.PaymentApi;
import org.khidmat.web.internal.api.QueueApi;
import org.khidmat.web.internal.api.StaffApi;
import org.khidmat.web.internal.citizen.ApplyPages;
import org.khidmat.web.internal.citizen.CitizenSite;
import org.khidmat.web.internal.citizen.Drafts;
import org.khidmat.web.internal.citizen.TrackSections;
import org.khidmat.web.internal.hall.BookingQuota;
import org.khidmat.web.internal.hall.HallBoard;
import org.khidmat.web.internal.hall.HallEvents;
import org.khidmat.web.internal.hall.HallSite;
import org.khidmat.web.internal.http.Assets;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.HttpMetrics;
import org.khidmat.web.internal.http.SecurityHeaders;
import org.khidmat.web.internal.http.Standby;
import org.khidmat.web.internal.http.Uploads;
import org.khidmat.web.internal.page.CentreTime;
import org.khidmat.web.internal.page.Failures;
import org.khidmat.web.internal.page.FormThrottle;
import org.khidmat.web.internal.page.LanguageMemory;
import org.khidmat.web.internal.page.Site;
import org.khidmat.web.internal.page.Pages;
import org.khidmat.web.internal.pay.PaySite;
import org.khidmat.web.internal.staff.AccountPages;
import org.khidmat.web.internal.staff.AdminPages;
import org.khidmat.web.internal.staff.AgencyPages;
import org.khidmat.web.internal.staff.AuditPage;
import org.khidmat.web.internal.staff.BundleDesk;
import org.khidmat.web.internal.staff.BundleForms;
import org.khidmat.web.internal.staff.CollectionsPages;
import org.khidmat.web.internal.staff.ConsoleLayout;
import org.khidmat.web.internal.staff.CounterPages;
import org.khidmat.web.internal.staff.InboxPages;
import org.khidmat.web.internal.staff.LoginPages;
import org.khidmat.web.internal.staff.OutboxPage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.khidmat.api.platform.HealthCheck;
import org.khidmat.api.platform.Metrics;
import org.khidmat.api.platform.Notifications;
import org.khidmat.api.platform.Payments;
import org.khidmat.api.platform.Queue;
import org.khidmat.api.platform.Ratings;
import org.khidmat.api.store.DraftStore;
import org.khidmat.api.store.Throttles;
import org.khidmat.api.web.Page;
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
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The centre's handlers, put into the Jetty server of {@link JettyBoot} once the catalogue, the deployer, the queue and
 * the metrics are there; taken out again (the server answers "starting") when one of those leaves. Every other
 * service comes and goes under the pages ({@link Standby}): while one is away, only the pages that need it answer
 * 503, in English and Urdu.
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
    /** Citizens' drafts in the database, so any node continues a form (optional: forms answer 503 while it is away). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DraftStore draftStore;
    private volatile Got got;

    // dynamic and greedy: a page that needs one of these answers 503 while it is away (Standby), the rest serve on
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Centre centre;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Applications applications;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            service = Accounts.class)
    private volatile ServiceReference<Accounts> accounts;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Appointments appointments;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Payments payments;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Ratings ratings;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Notifications notifications;
    private final BundleContext context;
    private final Handler handler;
    private final Pages pages;

    /**
     * The catalogue, the deployer, the queue (whose listener feeds the hall screens) and the metrics are needed by
     * every page or by the frame around them; every other service is a {@link Standby}.
     */
    @Activate
    public WebServer(BundleContext context, WebConfig config, @Reference Catalogue catalogue, @Reference Deployer deployer,
            @Reference Queue queue, @Reference Metrics metrics) throws Exception {
        boot = JettyBoot.current();
        if (boot == null) {
            throw new IllegalStateException("the web bundle's server is not running");
        }
        this.context = context;
        Applications applications = Standby.of(Applications.class, () -> this.applications,
                "Applications cannot be filed or looked up at the moment.", "اس وقت درخواستیں جمع یا تلاش نہیں ہو سکتیں۔");
        AuditLog audit = Standby.of(AuditLog.class, () -> this.audit, "The audit log is not available at the moment.",
                "اس وقت آڈٹ لاگ دستیاب نہیں۔");
        Appointments appointments = Standby.of(Appointments.class, () -> this.appointments,
                "Appointments are not available at the moment.", "اس وقت ملاقات کا وقت لینے کی سہولت دستیاب نہیں۔");
        Payments payments = Standby.of(Payments.class, () -> this.payments, "Payments are not available at the moment.",
                "اس وقت فیس کی ادائیگی کی سہولت دستیاب نہیں۔");
        Ratings ratings = Standby.of(Ratings.class, () -> this.ratings, "Ratings are not available at the moment.",
                "اس وقت درجہ بندی کی سہولت دستیاب نہیں۔");
        Notifications notifications = Standby.of(Notifications.class, () -> this.notifications,
                "The messages sent are not available at the moment.", "اس وقت بھیجے گئے پیغامات دستیاب نہیں۔");
        Accounts staff = Standby.of(Accounts.class, this::accounts, "Staff sign-in is not available at the moment.",
                "اس وقت عملے کا لاگ ان دستیاب نہیں۔");
        Gate gate = new Gate(() -> staff);
        pages = new Pages(gate);
        ConsoleLayout layout = new ConsoleLayout();
        Path home = Path.of(property(context, "khidmat.home", "."));
        Uploads uploads = new Uploads(home.resolve("data").resolve("uploads"));
        BundleDesk desk = new BundleDesk(deployer);
        BundleForms bundles = new BundleForms(desk, uploads, layout, catalogue);
        CollectionsPages collections = new CollectionsPages(payments, layout);
        DraftStore drafts = Standby.of(DraftStore.class, () -> this.draftStore, "Forms cannot be filled in at the moment.",
                "اس وقت فارم پُر نہیں کیے جا سکتے۔");
        ApplyPages apply = new ApplyPages(applications, new Drafts(drafts), queue);
        BookingQuota quota = new BookingQuota(java.time.Clock.systemUTC(), BookingQuota.PER_DAY);
        Supplier<HallBoard> board = HallBoard.reader(queue, catalogue, () -> CentreTime.of(centre));
        events = new HallEvents(queue, board, HallEvents.KEEP_ALIVE);
        String instance = context.getProperty("khidmat.instance");
        throttle = new FormThrottle(new Failures(new Handler.Sequence(new Assets(),
                new HealthApi(catalogue, deployer, () -> checks, instance),
                new MetricsApi(metrics, metricsToken(home), gate, () -> checks, boot::server), new LoginPages(gate, layout),
                new BundleApi(gate, desk, catalogue, uploads), new StaffApi(gate, audit, applications),
                new ApplicationApi(applications, catalogue), new QueueApi(gate, queue, catalogue, board, applications),
                new AppointmentApi(appointments, catalogue, queue, quota), new PaymentApi(applications, payments, ratings),
                pages, new ApiHandler(catalogue, deployer),
                CitizenSite.routes(catalogue, applications, apply, new TrackSections(payments, ratings, notifications)), events,
                HallSite.routes(queue, appointments, catalogue, board, applications, quota), new CounterPages(gate, queue, catalogue, apply, layout),
                PaySite.routes(applications, payments, ratings),
                new AdminPages(gate, catalogue, bundles, layout, new AccountPages(gate, layout), new AuditPage(audit, layout),
                        new OutboxPage(notifications, layout), collections, () -> bundleSet),
                new AgencyPages(gate, new InboxPages(applications, catalogue, layout, audit), bundles, layout, audit, collections), new NotFound())), config.publicPostsPerMinute(), System::nanoTime,
                FormThrottle.validCredential(gate), new SharedLimit(() -> throttles, java.time.Clock.systemUTC()));
        handler = new HttpMetrics(new SecurityHeaders(new Site.Scope(() -> centre, new LanguageMemory(throttle))), metrics);
    }

    /** Serves once the dynamic references are bound, so that the first requests find the services that are there. */
    @Activate
    void serve() {
        boot.serve(handler);
    }

    /** A page another component registered (the whiteboard): served at its paths from now on. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removePage")
    void addPage(ServiceReference<Page> reference, Page page, Map<String, Object> properties) {
        try {
            pages.add(reference, page, properties);
        } catch (IllegalArgumentException e) {
            LOG.error("web: the page of bundle {} is not served: {}", reference.getBundle().getSymbolicName(), e.getMessage());
        }
    }

    void removePage(ServiceReference<Page> reference) {
        pages.remove(reference);
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
    private Accounts accounts() {
        ServiceReference<Accounts> reference = accounts;
        if (reference == null) {
            return null;
        }
        Got got = this.got;
        if (got == null || got.reference() != reference) {
            got = new Got(reference, context.getService(reference));
            this.got = got;
        }
        return got.accounts();
    }

    private record Got(ServiceReference<Accounts> reference, Accounts accounts) {
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
