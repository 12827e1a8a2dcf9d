import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sqlite.SQLiteDataSource;

/**
 * Fills a stopped centre's store with generated applications, fast: the centre's own schema (made by its own
 * migrations at a first start), the rows its store writes for an application filed, paid and moved through the
 * workflow, and audit entries chained as the store chains them ({@link AuditRows}), in one transaction per
 * 10,000 applications. Each generated row copies one application the benchmark filed over HTTP (the template):
 * service, descriptor version, agency, tier and answers, with a reference and CNIC of its own. Filing times are
 * spread evenly over the last 365 days; older applications have moved on as an ICT Police certificate does
 * (verification after a day, ready after three, collected after five), paid two hours after filing.
 */
final class Filler {
    static final int BATCH = 10_000;
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    /** The template's workflow after filing: state and how long after filing it is reached. */
    private static final String[] STATES = {"verification", "ready", "collected"};
    private static final long[] AFTER = {DAY, 3 * DAY, 5 * DAY};

    /** One generated application a citizen can track, and when it was filed (epoch milliseconds). */
    record Tracked(String reference, String cnic, long created) {
    }

    /** What was filled: the number of applications, how long it took, and up to 1,000 to track. */
    record Filled(int applications, double seconds, List<Tracked> sample) {
    }

    private record Template(String serviceId, int version, String agency, String cnic, String tier, String answers,
            String initial, String paymentState) {
    }

    private Filler() {
    }

    static Filled fill(Path database, int applications, long now) throws Exception {
        long t0 = System.nanoTime();
        List<Tracked> sample = new ArrayList<>();
        int every = Math.max(1, applications / 1000);
        Random random = new Random(42);
        long first = now - 365 * DAY;
        try (Connection c = open(database)) {
            Template t = template(c);
            c.setAutoCommit(false);
            try (AuditRows audit = new AuditRows(c, database.resolveSibling("audit.key"));
                    PreparedStatement app = c.prepareStatement("INSERT INTO application (reference, service_id,"
                            + " descriptor_version, agency, cnic, tier, answers, status, payment_state, created_at,"
                            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement history = c.prepareStatement("INSERT INTO status_history (reference, at, actor,"
                            + " from_state, to_state, note) VALUES (?, ?, ?, ?, ?, ?)");
                    PreparedStatement payment = c.prepareStatement("INSERT INTO payment (reference, service_id,"
                            + " agency, tier, amount, provider, provider_reference, instructions, state, started_at,"
                            + " paid_at, receipt_number) VALUES (?, ?, ?, ?, 500, 'wallet', ?, NULL, 'paid', ?, ?, ?)")) {
                for (int i = 0; i < applications; i++) {
                    String ref = References.of(i);
                    String cnic = String.format("3%012d", i);
                    long created = first + (long) ((365 * DAY - HOUR) * (i + random.nextDouble()) / applications);
                    int moves = 0;
                    while (moves < STATES.length && created + AFTER[moves] < now) {
                        moves++;
                    }
                    long paid = created + 2 * HOUR;
                    String status = moves == 0 ? t.initial() : STATES[moves - 1];
                    app.setString(1, ref);
                    app.setString(2, t.serviceId());
                    app.setInt(3, t.version());
                    app.setString(4, t.agency());
                    app.setString(5, cnic);
                    app.setString(6, t.tier());
                    app.setString(7, t.answers().replace(t.cnic(), cnic));
                    app.setString(8, status);
                    app.setString(9, moves == 0 ? t.paymentState() : "paid");
                    app.setLong(10, created);
                    app.setLong(11, moves == 0 ? created : created + AFTER[moves - 1]);
                    app.executeUpdate();
                    history(history, ref, created, "citizen", null, t.initial());
                    audit.append(created, "citizen", "application.submit", ref,
                            t.serviceId() + " v" + t.version() + ", tier " + t.tier());
                    if (moves > 0) {
                        payment.setString(1, ref);
                        payment.setString(2, t.serviceId());
                        payment.setString(3, t.agency());
                        payment.setString(4, t.tier());
                        payment.setString(5, "W" + i);
                        payment.setLong(6, paid - 60_000);
                        payment.setLong(7, paid);
                        payment.setString(8, "R-" + ref);
                        payment.executeUpdate();
                        audit.append(paid - 60_000, "citizen", "payment.start", ref, "PKR 500 via wallet, W" + i);
                        audit.append(paid, "wallet", "payment.paid", ref, "PKR 500 via wallet, receipt R-" + ref);
                    }
                    String from = t.initial();
                    for (int m = 0; m < moves; m++) {
                        history(history, ref, created + AFTER[m], "officer", from, STATES[m]);
                        audit.append(created + AFTER[m], "officer", "application.move", ref, from + " -> " + STATES[m]);
                        from = STATES[m];
                    }
                    if (i % every == 0 && sample.size() < 1000) {
                        sample.add(new Tracked(ref, cnic, created));
                    }
                    if ((i + 1) % BATCH == 0) {
                        c.commit();
                    }
                }
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
            }
        }
        return new Filled(applications, (System.nanoTime() - t0) / 1e9, sample);
    }

    private static void history(PreparedStatement insert, String ref, long at, String actor, String from, String to)
            throws SQLException {
        insert.setString(1, ref);
        insert.setLong(2, at);
        insert.setString(3, actor);
        if (from == null) {
            insert.setNull(4, Types.VARCHAR);
        } else {
            insert.setString(4, from);
        }
        insert.setString(5, to);
        insert.setNull(6, Types.VARCHAR);
        insert.executeUpdate();
    }

    private static Template template(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT service_id, descriptor_version,"
                + " agency, cnic, tier, answers, status, payment_state FROM application ORDER BY created_at LIMIT 1")) {
            if (!r.next()) {
                throw new IllegalStateException("no application to copy: file one over HTTP before filling");
            }
            return new Template(r.getString(1), r.getInt(2), r.getString(3), r.getString(4), r.getString(5),
                    r.getString(6), r.getString(7), r.getString(8));
        }
    }

    /**
     * Without a journal and without waiting for the disk (a failed fill is simply made again; the WAL doubled the
     * writes and made a million take ten minutes), with a cache that holds the indexes; {@link #fill} puts the
     * centre's journal mode, WAL, back at the end.
     */
    private static Connection open(Path database) throws SQLException {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + database);
        source.setJournalMode("OFF");
        source.setSynchronous("OFF");
        source.setCacheSize(-524_288);
        return source.getConnection();
    }
}
