import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Two centres whose stores were filled with the two {@code --apps} counts of applications (by {@link Filler}, the
 * centre stopped meanwhile), measured one after the other, the smaller first: tracking (wrk, one client, the
 * generated references and CNICs in turn), the open figures for 30 days and for a year, their CSV, the agency
 * inbox of the applications' agency as the admin, and the resident set after all that.
 */
final class BigStore {
    /** One store's figures; times in milliseconds. */
    private record Measured(int applications, double fillSeconds, Wrk.Result track, double figures30, double figuresYear,
            double csv, double inbox, double rssMb) {
    }

    private BigStore() {
    }

    static void measure(Options o, Table table) throws Exception {
        Measured small = one(o, o.apps.get(0));
        Measured big = one(o, o.apps.get(1));
        String b = String.format("%,d applications: ", big.applications());
        String s = String.format("%,d: ", small.applications());
        table.add(b + "track p50 / p99", Table.ms(big.track().p50Ms()) + " / " + Table.ms(big.track().p99Ms())
                + (big.track().unexpected() == 0 ? "" : ", " + big.track().unexpected() + " not 200"),
                s + Table.ms(small.track().p50Ms()) + " / " + Table.ms(small.track().p99Ms())
                + (small.track().unexpected() == 0 ? "" : ", " + small.track().unexpected() + " not 200"),
                Table.ratio(big.track().p50Ms(), small.track().p50Ms()));
        row(table, b + "`/figures` (30 days)", big.figures30(), s, small.figures30());
        row(table, b + "`/figures` for a year", big.figuresYear(), s, small.figuresYear());
        row(table, b + "`/figures.csv` (30 days)", big.csv(), s, small.csv());
        row(table, b + "agency inbox `GET /api/v1/agency/ictpolice/applications`", big.inbox(), s, small.inbox());
        table.add(b + "RSS after these", Table.mb(big.rssMb()), s + Table.mb(small.rssMb()),
                Table.ratio(big.rssMb(), small.rssMb()));
        table.add(b + "generator, fill time (centre stopped)", Table.seconds(big.fillSeconds()),
                s + Table.seconds(small.fillSeconds()), Table.ratio(big.fillSeconds(), small.fillSeconds()));
    }

    private static void row(Table table, String what, double big, String small, double smallMs) {
        table.add(what + ", median", Table.ms(big), small + Table.ms(smallMs), Table.ratio(big, smallMs));
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
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Karachi"));
            double limit = o.seconds * 6.0;
            double figures30 = median(client.time(home.url("/figures"), o.timings, limit));
            double year = median(client.time(home.url("/figures?from=" + today.minusDays(365) + "&to=" + today),
                    Math.max(2, o.timings - 2), limit));
            double csv = median(client.time(home.url("/figures.csv"), o.timings, limit));
            client.login(home.url(""), "admin", Home.ADMIN_PASSWORD);
            if (applications == o.apps.get(0)) {
                String verify = client.getText(home.url("/api/v1/audit/verify"));
                if (!verify.contains("\"intact\":true")) {
                    throw new IllegalStateException("the audit chain with generated entries does not verify: the"
                            + " store's chain changed, adapt AuditRows to it; " + verify);
                }
            }
            double inbox = median(client.time(home.url("/api/v1/agency/ictpolice/applications"), o.timings * 2, limit));
            return new Measured(applications, filled.seconds(), track, figures30, year, csv, inbox, home.rssMb());
        }
    }

    private static double median(List<Double> sorted) {
        return Client.pct(sorted, 0.5);
    }
}
