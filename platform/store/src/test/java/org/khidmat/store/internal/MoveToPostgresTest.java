package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.platform.Payment;
import org.khidmat.api.platform.Rating;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.store.AuditCheck;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.store.FigureFacts;
import org.khidmat.api.store.WantedBundle;
import org.khidmat.testkit.Postgres;

/**
 * {@code bin/khidmat move-to-postgresql}: a SQLite centre copied into an empty PostgreSQL database has every row, the
 * same figures and an intact chain under its key, and goes on (new ids, new entries) there; refused when the target is
 * not empty or the centre runs.
 */
class MoveToPostgresTest {
    private static final Instant T = Instant.parse("2026-04-01T06:00:00Z");

    @TempDir
    Path home;

    @Test
    void aStoppedCentreMovesWithEveryRowItsFiguresAndItsChain() throws Exception {
        Path data = Files.createDirectories(home.resolve("data"));
        AuditKey key = AuditKey.loadOrCreate(data.resolve("audit.key"));
        FigureFacts before;
        try (Database sqlite = SqliteDatabase.open(data.resolve("khidmat.db"))) {
            fill(sqlite, key);
            before = new SqlApplicationStore(sqlite, chain(sqlite, key)).figureFacts(T.minusSeconds(86_400 * 2),
                    T.plusSeconds(86_400 * 2));
        }
        Postgres.Db pg = Postgres.database();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, MoveToPostgres.move(home, pg.url(), pg.user(), "", print(out), print(err)), text(err));
        assertTrue(text(out).contains("application=3") && text(out).contains("audit chain intact"), text(out));

        try (Database moved = PostgresDatabase.open(pg.url(), pg.user(), pg.password(), 2)) {
            AuditChain chain = chain(moved, key);
            chain.requireSignedWithThisKey(data.resolve("audit.key"));
            SqlApplicationStore apps = new SqlApplicationStore(moved, chain);
            assertEquals(3, apps.list(null, null, null, 10).size());
            assertEquals(2, apps.history("MOVE-0000-1").size());
            FigureFacts after = apps.figureFacts(T.minusSeconds(86_400 * 2), T.plusSeconds(86_400 * 2));
            assertEquals(FigureFactsTest.sorted(before.groups()), FigureFactsTest.sorted(after.groups()),
                    "the same figures from the copied sums");
            assertEquals(FigureFactsTest.sortedTimes(before.times()), FigureFactsTest.sortedTimes(after.times()));
            assertTrue(!after.groups().isEmpty() && !after.times().isEmpty(), after.toString());
            // it goes on there: a new filing, a move (status_history's identity), a message, a token
            apps.file(application("MOVE-0000-4"), first("MOVE-0000-4"), note("MOVE-0000-4"),
                    List.of(message("MOVE-0000-4")));
            assertTrue(apps.move(new StatusChange("MOVE-0000-4", T, "officer", "submitted", "review", null)));
            new SqlQueueStore(moved).take(LocalDate.of(2026, 4, 1), "nadra.cnic", "identity", null, null, T);
            AuditCheck check = new SqlAuditLog(moved, chain).verify();
            assertTrue(check.intact(), check.message());
        }

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertEquals(1, MoveToPostgres.move(home, pg.url(), pg.user(), "", print(out), print(again)));
        assertTrue(text(again).contains("is not empty"), text(again));
    }

    @Test
    void theBundleSetAndTheCentresSurviveTheMove() throws Exception {
        Path data = Files.createDirectories(home.resolve("data"));
        AuditKey key = AuditKey.loadOrCreate(data.resolve("audit.key"));
        byte[] jar = "the jar's bytes".getBytes(StandardCharsets.UTF_8);
        try (Database sqlite = SqliteDatabase.open(data.resolve("khidmat.db"))) {
            fill(sqlite, key);
            new SqlCentres(sqlite).register("lhr-gulberg", "Lahore Gulberg", "Asia/Karachi");
            new SqlBundleSet(sqlite).put(WantedBundle.of("org.khidmat.plugins.nadra", "1.2.0", "ab".repeat(32), "nadra",
                    "admin", T, "not needed", 0), jar);
        }
        Postgres.Db pg = Postgres.database();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, MoveToPostgres.move(home, pg.url(), pg.user(), "", print(new ByteArrayOutputStream()), print(err)),
                text(err));

        try (Database moved = PostgresDatabase.open(pg.url(), pg.user(), pg.password(), 2)) {
            SqlBundleSet set = new SqlBundleSet(moved);
            assertEquals(List.of("org.khidmat.plugins.nadra 1.2.0"), set.wanted().stream().map(Object::toString).toList(),
                    "a moved centre keeps its deployed bundles");
            assertArrayEquals(jar, set.jar("org.khidmat.plugins.nadra").orElseThrow());
            assertEquals(1, set.change(), "the change number goes on from where it was");
            assertTrue(set.put(WantedBundle.of("org.khidmat.plugins.fbr", "1.0.0", "cd".repeat(32), "fbr", "admin", T,
                    "not needed", 0), jar) > 1);
            assertEquals("Lahore Gulberg", new SqlCentres(moved).names().get("lhr-gulberg"));
        }
    }

    /**
     * Every table of the schema, on either engine, is either copied or named as skipped: a migration that adds a table
     * fails here until the move knows what to do with it.
     */
    @Test
    void everyTableIsCopiedOrSkippedOnPurpose() throws Exception {
        Set<String> known = new TreeSet<>(MoveToPostgres.TABLES);
        known.addAll(MoveToPostgres.SKIPPED);
        assertEquals(MoveToPostgres.TABLES.size() + MoveToPostgres.SKIPPED.size(), known.size(), "a table in both lists");
        Set<String> sqlite = new TreeSet<>();
        try (Database db = SqliteDatabase.open(home.resolve("k.db"))) {
            db.read("list the tables", c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT name FROM sqlite_master"
                        + " WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
                    while (r.next()) {
                        sqlite.add(r.getString(1));
                    }
                }
                return null;
            });
        }
        assertEquals(known, sqlite, "the SQLite schema's tables against MoveToPostgres.TABLES and SKIPPED");
        Postgres.Db pg = Postgres.database();
        Set<String> postgres = new TreeSet<>();
        try (Database db = PostgresDatabase.open(pg.url(), pg.user(), pg.password(), 2)) {
            db.read("list the tables", c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT table_name FROM"
                        + " information_schema.tables WHERE table_schema = current_schema()")) {
                    while (r.next()) {
                        postgres.add(r.getString(1));
                    }
                }
                return null;
            });
        }
        postgres.remove("schema_version"); // the migrations' own bookkeeping, written by the target's migration
        assertEquals(known, postgres, "the PostgreSQL schema's tables against MoveToPostgres.TABLES and SKIPPED");
    }

    @Test
    void refusedWhileTheCentreRuns() throws Exception {
        Path data = Files.createDirectories(home.resolve("data"));
        try (FileChannel channel = FileChannel.open(data.resolve(CentreLock.FILE_NAME), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(1, MoveToPostgres.move(home, "jdbc:postgresql://127.0.0.1:1/none", "", "",
                    print(new ByteArrayOutputStream()), print(err)));
            assertTrue(text(err).contains("stop it first"), text(err));
        }
    }

    private static void fill(Database db, AuditKey key) {
        AuditChain chain = chain(db, key);
        SqlApplicationStore apps = new SqlApplicationStore(db, chain);
        for (int i = 1; i <= 3; i++) {
            String ref = "MOVE-0000-" + i;
            apps.file(application(ref), first(ref), note(ref), List.of(message(ref)));
        }
        apps.move(new StatusChange("MOVE-0000-1", T.plusSeconds(600), "officer", "submitted", "review", null));
        new SqlPaymentStore(db, chain).add(new Payment("MOVE-0000-1", "nadra.cnic", "nadra", "normal", 750,
                "simpay.wallet", "C-1", null, Payment.PENDING, T, null, null));
        new SqlRatingStore(db, chain).addIfAbsent(new Rating("MOVE-0000-2", "nadra.cnic", "nadra", 4, "quick", T));
        new SqlQueueStore(db).take(LocalDate.of(2026, 4, 1), "nadra.cnic", "identity", "MOVE-0000-3", null, T);
        new SqlAuditLog(db, chain).append("admin", "login", "admin", null);
    }

    private static AuditChain chain(Database db, AuditKey key) {
        AuditChain chain = new AuditChain(db, key.bytes(), Clock.systemUTC());
        chain.signAnchor(key.created());
        return chain;
    }

    private static ApplicationRecord application(String ref) {
        return new ApplicationRecord(ref, "nadra.cnic", 1, "nadra", "3520212345671", "normal", Map.of(), "submitted",
                null, T, T);
    }

    private static StatusChange first(String ref) {
        return new StatusChange(ref, T, "citizen", null, "submitted", null);
    }

    private static AuditNote note(String ref) {
        return AuditNote.of("citizen", "application.submit", ref, null);
    }

    private static Notification message(String ref) {
        return new Notification(0, ref, "filed", "sms", "03001234567", "Filed " + ref, Notification.QUEUED, null, null,
                0, T, null, null);
    }

    private static PrintStream print(ByteArrayOutputStream b) {
        return new PrintStream(b, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream b) {
        return b.toString(StandardCharsets.UTF_8);
    }
}
