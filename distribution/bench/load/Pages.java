import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Every page a citizen, an officer or the admin opens whose cost could grow with the applications, timed one request
 * after another by the Java client (as a person opens them; a sequential client sees every slow answer, which wrk's
 * many connections would hide in a queue): warmed by a few requests first, then up to {@link #COUNT} timed requests or
 * the time given, whichever ends first. Pages that name an application take the generated ones in turn, old and new.
 * The officer is an agency account of ictpolice (the generated applications' agency), made here, so that the console
 * is what its staff see: its inbox, its home with the deploy history, an application with the CNIC shown whole (and
 * that view written to the audit log).
 *
 * <p>A sequential Java client adds its own time to every figure (its JIT, its collector, the JDK's HTTP client), and
 * at the track page's fraction of a millisecond that is most of the p99. So the citizen's track page and track API
 * have a floor measured the same way in the same run: a {@link BareJetty} serving the bytes the centre answered (one
 * answer fetched once), its POST bodies read as the centre reads them, timed by the same client alternating request
 * by request with the centre ({@link Client#timePaired}), after the client was warmed against the floor alone. What
 * the floor takes is the client's own cost (and loopback's), not the centre's.
 */
final class Pages {
    /** The goal of the issue: every page under 50 ms at the 99th percentile, tracking under 5 ms. */
    static final double PAGE_GOAL_MS = 50;
    static final double TRACK_GOAL_MS = 5;
    static final int COUNT = 300;
    private static final String AGENCY_USER = "load-bench-police";
    private static final String AGENCY_PASSWORD = "load-benchmark-agency-password";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    /**
     * One page: its name in the table, its goal ({@code NaN}: none, slow by design), the i-th request for it by one of
     * the clients, and the i-th request for its floor (the same request to a bare Jetty serving the same bytes), or
     * {@code null} for a page timed without a floor.
     */
    record Page(String what, double goalMs, Client client, IntFunction<Client.Ask> ask, IntFunction<Client.Ask> floor) {
        Page(String what, double goalMs, Client client, IntFunction<Client.Ask> ask) {
            this(what, goalMs, client, ask, null);
        }
    }

    /**
     * The latencies of one page, milliseconds; why it could not be timed (an answer not 200), else {@code null}; its
     * goal; and its floor's p50 and p99, timed alternating with it ({@code NaN} without a floor).
     */
    record Latency(double p50, double p99, int count, String failure, double goalMs, double floorP50, double floorP99) {
        boolean floored() {
            return !Double.isNaN(floorP99);
        }
    }

    /** The words of a row with a floor: what the floor is. */
    static final String FLOOR_WORDS = "; floor: a bare Jetty answering the same bytes, timed by the same client"
            + " alternating request by request: the client's own cost, not the centre's";

    /**
     * @return a bare Jetty serving the bytes (and content type) the centre answered for the first generated
     *         application's track page and track API: the floor of those rows
     */
    static BareJetty floor(Home home, Filler.Filled filled) throws Exception {
        Filler.Tracked t = filled.sample().get(0);
        Client client = new Client();
        Map<String, BareJetty.Page> pages = new LinkedHashMap<>();
        for (Client.Ask ask : List.of(trackPage(home.url(""), t), trackApi(home.url(""), t))) {
            var r = client.send(ask.request());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(ask.request().uri() + " answered " + r.statusCode());
            }
            pages.put(ask.request().uri().getPath(), new BareJetty.Page(r.body(),
                    r.headers().firstValue("Content-Type").orElse("text/plain")));
        }
        return new BareJetty(pages);
    }

    private static Client.Ask trackPage(String base, Filler.Tracked t) {
        return new Client.Ask(Client.posting(base + "/track", FORM, "reference=" + t.reference() + "&cnic=" + t.cnic()),
                200);
    }

    private static Client.Ask trackApi(String base, Filler.Tracked t) {
        return new Client.Ask(Client.posting(base + "/api/v1/applications/track", JSON, "{\"reference\":\""
                + t.reference() + "\",\"cnic\":\"" + t.cnic() + "\"}"), 200);
    }

    private Pages() {
    }

    /**
     * @return every page, for this home and the applications filled into it, the track page and API with {@code floor}
     *         ({@link #floor}) as their floor; logs the admin and the officer in
     */
    static List<Page> of(Home home, Filler.Filled filled, BareJetty floor) throws Exception {
        Client citizen = new Client();
        Client admin = new Client();
        Client officer = new Client();
        admin.login(home.url(""), "admin", Home.ADMIN_PASSWORD);
        var made = admin.post(home.url("/api/v1/accounts"), "{\"username\":\"" + AGENCY_USER + "\",\"password\":\""
                + AGENCY_PASSWORD + "\",\"role\":\"AGENCY\",\"agency\":\"ictpolice\"}");
        if (made.statusCode() != 201) {
            throw new IllegalStateException("could not make the officer's account: " + made.statusCode() + " " + made.body());
        }
        officer.login(home.url(""), AGENCY_USER, AGENCY_PASSWORD);
        List<Filler.Tracked> sample = filled.sample();
        Filler.Tracked middle = sample.get(sample.size() / 2);
        String deep = "after=" + URLEncoder.encode(middle.created() + "," + middle.reference(), StandardCharsets.UTF_8);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Karachi"));
        String year = "from=" + today.minusDays(365) + "&to=" + today;
        String service = "ictpolice.character-certificate";
        List<Page> pages = new ArrayList<>();
        pages.add(new Page("citizen track page `POST /track` (HTML)" + FLOOR_WORDS, TRACK_GOAL_MS, citizen,
                i -> trackPage(home.url(""), sample.get(i % sample.size())),
                i -> trackPage(floor.url(""), sample.get(i % sample.size()))));
        pages.add(new Page("citizen track API `POST /api/v1/applications/track` (JSON), Java client" + FLOOR_WORDS,
                TRACK_GOAL_MS, citizen, i -> trackApi(home.url(""), sample.get(i % sample.size())),
                i -> trackApi(floor.url(""), sample.get(i % sample.size()))));
        get(pages, home, citizen, "`/figures` (30 days)", "/figures");
        get(pages, home, citizen, "`/figures` for a year", "/figures?" + year);
        get(pages, home, citizen, "`/figures` for a year, one centre", "/figures?centre=default&" + year);
        get(pages, home, citizen, "`/figures.csv` for a year", "/figures.csv?" + year);
        get(pages, home, citizen, "`/figures.json` for a year", "/figures.json?" + year);
        get(pages, home, citizen, "`GET /api/v1/figures` for a year", "/api/v1/figures?" + year);
        get(pages, home, citizen, "`GET /api/v1/services`", "/api/v1/services");
        get(pages, home, citizen, "hall screen `/display`", "/display");
        get(pages, home, officer, "officer: inbox `/agency/inbox`, first page", "/agency/inbox");
        get(pages, home, officer, "officer: inbox, a deep keyset page (half-way back)", "/agency/inbox?" + deep);
        get(pages, home, officer, "officer: inbox, by state (`ready`)", "/agency/inbox?status=ready");
        get(pages, home, officer, "officer: inbox, by service and state", "/agency/inbox?service=" + service
                + "&status=verification");
        get(pages, home, officer, "officer: inbox API `GET /api/v1/agency/ictpolice/applications`",
                "/api/v1/agency/ictpolice/applications");
        get(pages, home, officer, "officer: inbox API, a deep keyset page", "/api/v1/agency/ictpolice/applications?" + deep);
        pages.add(new Page("officer: one application by reference `/agency/applications/{ref}`", PAGE_GOAL_MS, officer,
                i -> new Client.Ask(Client.getting(home.url("/agency/applications/" + sample.get(i % sample.size())
                        .reference())), 200)));
        get(pages, home, officer, "officer: agency home `/agency` (deploy history)", "/agency");
        get(pages, home, admin, "admin: console home `/admin`", "/admin");
        get(pages, home, admin, "admin: audit log `/admin/audit`, newest", "/admin/audit");
        pages.add(new Page("admin: audit log searched for a reference `/admin/audit?q=`", PAGE_GOAL_MS, admin,
                i -> new Client.Ask(Client.getting(home.url("/admin/audit?q=" + sample.get(i % sample.size())
                        .reference())), 200)));
        get(pages, home, admin, "admin: audit API `GET /api/v1/audit`", "/api/v1/audit");
        get(pages, home, admin, "admin: outbox `/admin/messages`", "/admin/messages");
        get(pages, home, admin, "counter: `/counter`", "/counter");
        get(pages, home, new Client(), "staff login page `GET /login`", "/login");
        pages.add(new Page("staff login `POST /api/v1/login`: not a page, slow by design (it hashes the password with"
                + " PBKDF2-HMAC-SHA256 at OWASP's 600,000 iterations, so that every guess costs an attacker as much)",
                Double.NaN, new Client(), i -> new Client.Ask(Client.posting(home.url("/api/v1/login"), JSON, "{\"username\":\""
                        + AGENCY_USER + "\",\"password\":\"" + AGENCY_PASSWORD + "\"}"), 200)));
        return pages;
    }

    private static void get(List<Page> pages, Home home, Client client, String what, String path) {
        pages.add(new Page(what, PAGE_GOAL_MS, client, i -> new Client.Ask(Client.getting(home.url(path)), 200)));
    }

    /**
     * Times every page in turn, each for up to {@code seconds}. A page with a floor is timed alternating with it, up to
     * {@code 10 * count} pairs, after the client sent up to {@code 10 * count} requests to the floor alone (for up to
     * {@code seconds}) to warm up.
     */
    static Map<String, Latency> measure(List<Page> pages, int warm, int count, double seconds) throws Exception {
        Map<String, Latency> measured = new LinkedHashMap<>();
        for (Page p : pages) {
            boolean slow = Double.isNaN(p.goalMs()); // staff login: a second a request, by design
            try {
                if (p.floor() != null) {
                    p.client().time(p.floor(), 10 * count, 0, seconds);
                    // ten times the pairs: a p99 of 300 is the third-worst request, one hiccup of the client or the
                    // machine; of 3,000 it is the thirtieth
                    Client.Paired ms = p.client().timePaired(p.ask(), p.floor(), warm, 10 * count, seconds);
                    measured.put(p.what(), new Latency(Client.pct(ms.first(), 0.5), Client.pct(ms.first(), 0.99),
                            ms.first().size(), null, p.goalMs(), Client.pct(ms.second(), 0.5),
                            Client.pct(ms.second(), 0.99)));
                    continue;
                }
                List<Double> ms = p.client().time(p.ask(), slow ? 1 : warm, slow ? Math.min(count, 10) : count, seconds);
                measured.put(p.what(), new Latency(Client.pct(ms, 0.5), Client.pct(ms, 0.99), ms.size(), null,
                        p.goalMs(), Double.NaN, Double.NaN));
            } catch (IllegalStateException e) {
                // a page that fails (a read over the store's time limit answers 500) is a result too: the others go on
                String why = e.getMessage().lines().findFirst().orElse("failed");
                System.out.println("failed: " + p.what() + ": " + why);
                measured.put(p.what(), new Latency(0, 0, 0, why.replaceAll(".* answered ", "answered "), p.goalMs(),
                        Double.NaN, Double.NaN));
            }
        }
        return measured;
    }
}
