package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.ApplicationRecord;
import org.sqlite.SQLiteDataSource;

/**
 * Durable filings a second in this JVM, no HTTP and no JSON on either side: the store's own filing (one group
 * commit carries the application, its first history row, its audit entry chained and signed, and its two queued
 * messages, each caller answered after the fsync) against naive sqlite-jdbc (each thread its own connection, one
 * application row a transaction, WAL, {@code synchronous=FULL}: the load benchmark's in-process baseline), with 1, 8
 * and 32 threads, alternating rounds. The naive side is written here again on purpose: the load benchmark's
 * {@code NaiveSqlite} is compiled by {@code load.sh} against a built distribution, out of reach of this module's tests.
 * The load benchmark ({@code distribution/bench/load.sh}) compares the centre over
 * HTTP; this compares the two ways of writing alone. It asserts that every acknowledged filing is in its file and
 * that nothing failed; the figures are printed. Run: {@code mvn -B -pl platform/store -am test -Dtest=FilingBench
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench=filing} ({@code -Dbench.seconds=N -Dbench.rounds=N}).
 */
@EnabledIfSystemProperty(named = "bench", matches = "filing")
class FilingBench {
    private static final int SECONDS = Integer.getInteger("bench.seconds", 5);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final Map<String, String> ANSWERS = Map.of("fullName", "Load Bench", "cnic", "6110112345671",
            "purpose", "visa", "address", "House 1, Street 2, F-7/3", "mobile", "0300 1234567");
    private static final String ANSWERS_JSON = "{\"fullName\":\"Load Bench\",\"cnic\":\"6110112345671\","
            + "\"purpose\":\"visa\",\"address\":\"House 1, Street 2, F-7/3\",\"mobile\":\"0300 1234567\"}";
    private static final AtomicLong NEXT = new AtomicLong();

    @TempDir
    Path dir;

    /** Filings done in one round: how many, in how long, their latencies (ns, sorted), and failures. */
    record Round(long done, double seconds, List<Long> sortedNanos, long failed) {
        double perSecond() {
            return done / seconds;
        }

        double ms(double p) {
            if (sortedNanos.isEmpty()) {
                return Double.NaN;
            }
            int i = Math.min(sortedNanos.size() - 1, Math.max(0, (int) Math.ceil(p * sortedNanos.size()) - 1));
            return sortedNanos.get(i) / 1e6;
        }
    }

    /** One way of filing, on its own thread, until the deadline. */
    interface Filer {
        void fileOne(String reference) throws Exception;
    }

    @Test
    void filingsPerSecondAgainstNaiveSqlite() throws Exception {
        System.out.println("\nDurable filings a second in process, " + ROUNDS + " alternating rounds of " + SECONDS
                + " s (median round; p50/p99 of that round)\n" + String.join("\n", table(dir, SECONDS, ROUNDS, 1, 8, 32))
                + "\n");
    }

    /**
     * Runs the rounds and checks what they acknowledged is stored and nothing failed ({@code FilingBenchSmokeTest}
     * runs it briefly in every build, so the benchmark cannot rot).
     *
     * @return the table's lines: threads, the store's figures, naive SQLite's, and the ratio of the median rounds
     */
    static List<String> table(Path dir, int seconds, int rounds, int... threadCounts) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-8s %-28s %-28s %s", "threads", "store (group commit)", "naive sqlite-jdbc", "ratio"));
        for (int threads : threadCounts) {
            Path storeFile = dir.resolve("store-" + threads + ".db");
            Path naiveFile = dir.resolve("naive-" + threads + ".db");
            createNaive(naiveFile);
            long storeDone = 0;
            long naiveDone = 0;
            List<Round> stores = new ArrayList<>();
            List<Round> naives = new ArrayList<>();
            try (SqliteDatabase db = SqliteDatabase.open(storeFile)) {
                SqlApplicationStore store = new SqlApplicationStore(db, TestChain.of(db));
                for (int round = 0; round < rounds; round++) {
                    Round n = run(threads, seconds, () -> {
                        Connection c = openNaive(naiveFile);
                        PreparedStatement insert = c.prepareStatement("INSERT INTO application VALUES (?,"
                                + " 'ictpolice.character-certificate', 1, 'ictpolice', '6110112345671', 'normal', ?,"
                                + " 'submitted', 'due', ?, ?)");
                        return reference -> {
                            insert.setString(1, reference);
                            insert.setString(2, ANSWERS_JSON);
                            long now = System.currentTimeMillis();
                            insert.setLong(3, now);
                            insert.setLong(4, now);
                            insert.executeUpdate();
                        };
                    });
                    Round s = run(threads, seconds, () -> reference -> store.file(application(reference),
                            FilingTest.first(reference), FilingTest.note(reference),
                            List.of(FilingTest.message(reference, "sms"), FilingTest.message(reference, "email")))
                            .orElseThrow());
                    naives.add(n);
                    stores.add(s);
                    naiveDone += n.done();
                    storeDone += s.done();
                }
                assertEquals(storeDone, count(db, "SELECT COUNT(*) FROM application"), "every acknowledged filing stored");
                assertEquals(storeDone, count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'application.submit'"));
            }
            try (Connection c = openNaive(naiveFile)) {
                assertEquals(naiveDone, count(c, "SELECT COUNT(*) FROM application"), "every acknowledged insert stored");
            }
            Round s = best(stores);
            Round n = best(naives);
            assertEquals(0, stores.stream().mapToLong(Round::failed).sum(), "store filings failed");
            assertEquals(0, naives.stream().mapToLong(Round::failed).sum(), "naive inserts failed");
            lines.add(String.format("%-8d %-28s %-28s %.2f", threads, figures(stores, s), figures(naives, n),
                    median(stores) / median(naives)));
        }
        return lines;
    }

    private static ApplicationRecord application(String reference) {
        ApplicationRecord a = FilingTest.application(reference);
        return new ApplicationRecord(a.reference(), a.serviceId(), a.descriptorVersion(), a.agency(), a.cnic(),
                a.tier(), ANSWERS, a.status(), a.paymentState(), a.createdAt(), a.updatedAt());
    }

    /** A filer per thread, made on that thread (a connection of its own for naive SQLite). */
    interface FilerFactory {
        Filer make() throws Exception;
    }

    private static Round run(int threads, int seconds, FilerFactory factory) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failed = new AtomicLong();
        List<Thread> running = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                try {
                    Filer filer = factory.make();
                    while (System.nanoTime() < deadline) {
                        long t1 = System.nanoTime();
                        try {
                            filer.fileOne("B" + NEXT.incrementAndGet());
                            mine.add(System.nanoTime() - t1);
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
                latencies.addAll(mine);
            }, "filing-bench-" + i);
            running.add(t);
            t.start();
        }
        for (Thread t : running) {
            t.join(seconds * 1000L + 60_000);
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Round(sorted.size(), elapsed, sorted, failed.get());
    }

    private static double median(List<Round> rounds) {
        List<Double> rates = new ArrayList<>(rounds.stream().map(Round::perSecond).toList());
        Collections.sort(rates);
        return rates.get(rates.size() / 2);
    }

    private static Round best(List<Round> rounds) {
        double m = median(rounds);
        return rounds.stream().filter(r -> r.perSecond() == m).findFirst().orElseThrow();
    }

    private static String figures(List<Round> rounds, Round median) {
        return String.format("%,.0f/s p50 %.2f p99 %.2f ms", median.perSecond(), median.ms(0.5), median.ms(0.99));
    }

    private static void createNaive(Path file) throws SQLException {
        try (Connection c = openNaive(file); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE application (reference TEXT NOT NULL PRIMARY KEY, service_id TEXT NOT NULL,"
                    + " descriptor_version INTEGER NOT NULL, agency TEXT NOT NULL, cnic TEXT NOT NULL, tier TEXT,"
                    + " answers TEXT NOT NULL, status TEXT NOT NULL, payment_state TEXT, created_at INTEGER NOT NULL,"
                    + " updated_at INTEGER NOT NULL)");
            s.executeUpdate("CREATE INDEX application_agency_status ON application (agency, status)");
            s.executeUpdate("CREATE INDEX application_service ON application (service_id)");
            s.executeUpdate("CREATE INDEX application_created ON application (created_at)");
        }
    }

    private static Connection openNaive(Path file) throws SQLException {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        source.setJournalMode("WAL");
        source.setSynchronous("FULL");
        source.setBusyTimeout(10_000);
        return source.getConnection();
    }

    private static long count(SqliteDatabase db, String sql) {
        return db.read("count", c -> count(c, sql));
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
