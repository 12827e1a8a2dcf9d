import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two centres whose stores were filled with the two {@code --apps} counts of applications (by {@link Filler}, the
 * centre stopped meanwhile), measured one after the other, the smaller first: tracking (wrk, one client, the
 * generated references and CNICs in turn; the API, then the citizen's HTML page, as wrk times the server better than a
 * Java client can), then every page whose cost could grow with the applications
 * ({@link Pages}: p50 and p99 of each, against the goal, marked where the larger store misses it), and the
 * resident set after all that.
 */
final class BigStore {
    /** One store's figures; times in milliseconds. */
    private record Measured(int applications, double fillSeconds, Wrk.Result track, Wrk.Result trackPage,
            Map<String, Pages.Latency> pages, double rssMb) {
    }

    private BigStore() {
    }

    static void measure(Options o, Table table) throws Exception {
        Measured small = one(o, o.apps.get(0));
        Measured big = one(o, o.apps.get(1));
        String b = String.format("%,d applications: ", big.applications());
        String s = String.format("%,d: ", small.applications());
        table.add(b + "track p50 / p99 `POST /api/v1/applications/track` (wrk, 1 connection; goal p99 "
                + Table.ms(Pages.TRACK_GOAL_MS) + ")", Table.ms(big.track().p50Ms()) + " / " + Table.ms(big.track().p99Ms())
                + (big.track().unexpected() == 0 ? "" : ", " + big.track().unexpected() + " not 200")
                + mark(big.track().p99Ms(), Pages.TRACK_GOAL_MS),
                s + Table.ms(small.track().p50Ms()) + " / " + Table.ms(small.track().p99Ms())
                + (small.track().unexpected() == 0 ? "" : ", " + small.track().unexpected() + " not 200"),
                Table.ratio(big.track().p50Ms(), small.track().p50Ms()) + " / "
                + Table.ratio(big.track().p99Ms(), small.track().p99Ms()));
        table.add(b + "track page p50 / p99 `POST /track` (HTML; wrk, 1 connection, as the track above: the server's time;"
                + " the same page timed by the Java client below, beside its floor; goal p99 " + Table.ms(Pages.TRACK_GOAL_MS) + ")",
                wrk(big.trackPage()) + mark(big.trackPage().p99Ms(), Pages.TRACK_GOAL_MS), s + wrk(small.trackPage()),
                Table.ratio(big.trackPage().p50Ms(), small.trackPage().p50Ms()) + " / "
                + Table.ratio(big.trackPage().p99Ms(), small.trackPage().p99Ms()));
        for (Map.Entry<String, Pages.Latency> e : big.pages().entrySet()) {
            Pages.Latency l = e.getValue();
            Pages.Latency m = small.pages().get(e.getKey());
            double goal = l.goalMs();
            table.add(b + e.getKey() + ", p50 / p99 (" + (Double.isNaN(goal) ? "no page goal"
                    : "goal p99 " + Table.ms(goal)) + ")", latency(l)
                    + (l.failure() != null && !Double.isNaN(goal) ? " **MISSES " + Table.ms(goal) + "**"
                    : l.floored() && l.floorP99() > goal ? UNJUDGED : mark(l.p99(), goal)) + floor(l),
                    s + latency(m) + floor(m),
                    l.failure() != null || m.failure() != null ? "none: failed at " + (l.failure() != null
                            ? String.format("%,d", big.applications()) : String.format("%,d", small.applications()))
                            : Table.ratio(l.p50(), m.p50()) + " / " + Table.ratio(l.p99(), m.p99()));
        }
        table.add(b + "RSS after these", Table.mb(big.rssMb()), s + Table.mb(small.rssMb()),
                Table.ratio(big.rssMb(), small.rssMb()));
        table.add(b + "generator, fill time (centre stopped)", Table.seconds(big.fillSeconds()),
                s + Table.seconds(small.fillSeconds()), Table.ratio(big.fillSeconds(), small.fillSeconds()));
    }

    private static String wrk(Wrk.Result r) {
        return Table.ms(r.p50Ms()) + " / " + Table.ms(r.p99Ms()) + (r.unexpected() == 0 ? "" : ", " + r.unexpected()
                + " not 200");
    }

    private static String latency(Pages.Latency l) {
        if (l.failure() != null) {
            return "failed: " + l.failure();
        }
        return Table.ms(l.p50()) + " / " + Table.ms(l.p99()) + " (" + l.count() + " requests)";
    }

    /** @return the floor's p50 / p99 timed alternating with the page (the client's own cost), or nothing */
    private static String floor(Pages.Latency l) {
        return l.floored() ? "; floor " + Table.ms(l.floorP50()) + " / " + Table.ms(l.floorP99()) : "";
    }

    /**
     * The mark of a row whose floor's 99th percentile is above the goal: the client's own tail is longer than the goal,
     * so its figure cannot say whether the centre meets it (neither MISSES nor a pass); wrk's rows, whose client costs
     * microseconds, judge the same page.
     */
    static final String UNJUDGED = " (not judged: the floor's p99 is above the goal, so this client cannot tell; wrk's"
            + " rows judge)";

    /** @return a mark where the 99th percentile misses the goal (a page slow by design has none), else nothing */
    private static String mark(double p99, double goal) {
        return !Double.isNaN(goal) && p99 > goal ? " **MISSES " + Table.ms(goal) + "**" : "";
    }

    private static Measured one(Options o, int applications) throws Exception {
        try (Home home = Home.copy(o.dist, "apps" + applications)) {
            home.start();
            Client client = new Client();
            HttpResponse<String> filed = client.post(home.url("/api/v1/applications"), Load.POLICE);
            if (filed.statusCode() != 201) {
                throw new IllegalStateException("filing the template application answered " + filed.statusCode() + ": "
                        + filed.body());
            }
            home.stop();
            Filler.Filled filled = Filler.fill(home.database(), applications - 1, System.currentTimeMillis());
            System.out.printf("filled %,d applications in %.1f s%n", applications - 1, filled.seconds());
            home.start();
            List<String> bodies = new ArrayList<>();
            for (Filler.Tracked t : filled.sample()) {
                bodies.add("{\"reference\":\"" + t.reference() + "\",\"cnic\":\"" + t.cnic() + "\"}");
            }
            Filler.Tracked first = filled.sample().get(0);
            HttpResponse<String> tracked = client.post(home.url("/api/v1/applications/track"),
                    "{\"reference\":\"" + first.reference() + "\",\"cnic\":\"" + first.cnic() + "\"}");
            if (tracked.statusCode() != 200) {
                throw new IllegalStateException("a generated application cannot be tracked (" + tracked.statusCode()
                        + "): the rows Filler writes no longer match the store's; " + tracked.body());
            }
            Wrk.Result track = Wrk.post(home.url("/api/v1/applications/track"), bodies, 200, 1, o.seconds);
            List<String> forms = new ArrayList<>();
            for (Filler.Tracked t : filled.sample()) {
                forms.add("reference=" + t.reference() + "&cnic=" + t.cnic());
            }
            Wrk.Result trackPage = Wrk.post(home.url("/track"), "application/x-www-form-urlencoded", forms, 200, 1,
                    o.seconds);
            if (applications == o.apps.get(0)) {
                Client admin = new Client();
                admin.login(home.url(""), "admin", Home.ADMIN_PASSWORD);
                String verify = admin.getText(home.url("/api/v1/audit/verify"));
                if (!verify.contains("\"intact\":true")) {
                    throw new IllegalStateException("the audit chain with generated entries does not verify: the"
                            + " store's chain changed, adapt AuditRows to it; " + verify);
                }
            }
            Map<String, Pages.Latency> pages;
            try (BareJetty floor = Pages.floor(home, filled)) {
                pages = Pages.measure(Pages.of(home, filled, floor), 5, o.quick ? 30 : Pages.COUNT,
                        Math.max(1, o.seconds / 3.0));
            }
            return new Measured(applications, filled.seconds(), track, trackPage, pages, home.rssMb());
        }
    }

}
