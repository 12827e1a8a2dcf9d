import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.sqlite.SQLiteDataSource;

/**
 * The baseline for writes: naive sqlite-jdbc, as an application without a platform would store applications.
 * Each client thread has its own connection (WAL, synchronous=FULL, a busy timeout) and inserts one
 * application-sized row (the centre's {@code application} table with its three indexes) per transaction, as fast as
 * it can, for a fixed time. An insert that fails counts as unexpected.
 */
final class NaiveSqlite {
    private static final String TABLE = """
            CREATE TABLE IF NOT EXISTS application (reference TEXT NOT NULL PRIMARY KEY, service_id TEXT NOT NULL,
             descriptor_version INTEGER NOT NULL, agency TEXT NOT NULL, cnic TEXT NOT NULL, tier TEXT,
             answers TEXT NOT NULL, status TEXT NOT NULL, payment_state TEXT, created_at INTEGER NOT NULL,
             updated_at INTEGER NOT NULL)""";
    private static final List<String> INDEXES = List.of(
            "CREATE INDEX IF NOT EXISTS application_agency_status ON application (agency, status)",
            "CREATE INDEX IF NOT EXISTS application_service ON application (service_id)",
            "CREATE INDEX IF NOT EXISTS application_created ON application (created_at)");
    private static final AtomicLong NEXT = new AtomicLong();
    /** One application-sized row: the reference, the answers, created and updated. */
    static final String INSERT = "INSERT INTO application VALUES (?, 'ictpolice.character-certificate', 1, 'ictpolice',"
            + " '6110112345671', 'normal', ?, 'submitted', 'due', ?, ?)";

    private NaiveSqlite() {
    }

    static Wrk.Result run(Path folder, int clients, int seconds, String answers) throws Exception {
        Path file = folder.resolve("naive.db");
        Files.createDirectories(folder);
        create(file);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> insertUntil(file, deadline, answers, latencies, failed), "naive-sqlite-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(seconds * 1000L + 30_000);
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Wrk.Result(sorted.size(), elapsed, pct(sorted, 0.5), pct(sorted, 0.99), failed.get());
    }

    /** Creates the table and its indexes in the file. */
    static void create(Path file) throws SQLException {
        try (Connection c = open(file); Statement s = c.createStatement()) {
            s.executeUpdate(TABLE);
            for (String index : INDEXES) {
                s.executeUpdate(index);
            }
        }
    }

    private static void insertUntil(Path file, long deadline, String answers, List<Long> latencies, AtomicLong failed) {
        List<Long> mine = new ArrayList<>();
        try (Connection c = open(file); PreparedStatement insert = c.prepareStatement(INSERT)) {
            while (System.nanoTime() < deadline) {
                long t = System.nanoTime();
                try {
                    insert.setString(1, "N" + NEXT.incrementAndGet());
                    insert.setString(2, answers);
                    long now = System.currentTimeMillis();
                    insert.setLong(3, now);
                    insert.setLong(4, now);
                    insert.executeUpdate();
                    mine.add(System.nanoTime() - t);
                } catch (SQLException e) {
                    failed.incrementAndGet();
                }
            }
        } catch (SQLException e) {
            failed.incrementAndGet();
        }
        latencies.addAll(mine);
    }

    static Connection open(Path file) throws SQLException {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        source.setJournalMode("WAL");
        source.setSynchronous("FULL");
        source.setBusyTimeout(10_000);
        return source.getConnection();
    }

    /** @return the p-th latency in milliseconds; NaN when there is none */
    static double pct(List<Long> sortedNanos, double p) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int i = Math.min(sortedNanos.size() - 1, Math.max(0, (int) Math.ceil(p * sortedNanos.size()) - 1));
        return sortedNanos.get(i) / 1e6;
    }
}
