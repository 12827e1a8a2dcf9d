package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.store.AuditCheck;

/**
 * Keying the chain of a centre that already has plain SHA-256 entries, the anchor that ties the two, the export that
 * catches what the database alone cannot, and the offline tool's verdict.
 */
class AuditKeyingTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("data").resolve("khidmat.db");
    }

    private Connection raw() throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        try (Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS audit_log_no_update");
            s.execute("DROP TRIGGER IF EXISTS audit_log_no_delete");
            s.execute("DROP TRIGGER IF EXISTS audit_anchor_sign_once");
        }
        return c;
    }

    /** A centre at schema 4 (before keying) with {@code plain} entries chained by plain SHA-256. */
    private void olderCentre(int plain) throws Exception {
        SqliteDatabase.open(file()).close();
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE centre_name"); // V18
            s.execute("DROP INDEX audit_log_action"); // V17
            for (String v14 : new String[] {"bundle_approval", "bundle_quarantine", "agency_owner"}) {
                s.execute("DROP TABLE " + v14);
            }
            for (String v11 : new String[] {"bundle_set", "bundle_set_head", "bundle_outcome", "signal"}) {
                s.execute("DROP TABLE " + v11);
            }
            for (String v6 : new String[] {"TRIGGER figure_day_filed", "TRIGGER figure_day_rated", "TRIGGER figure_time_first",
                    "TRIGGER figure_move_first", "INDEX application_agency_status_created", "TABLE figure_move", "TABLE figure_day",
                    "TABLE figure_time"}) {
                s.execute("DROP " + v6);
            }
            for (String v9 : new String[] {"TRIGGER figure_queue_taken", "TRIGGER figure_queue_changed",
                    "TRIGGER figure_queue_gone", "TRIGGER figure_appointment_booked", "TRIGGER figure_appointment_changed",
                    "TRIGGER figure_appointment_gone", "TABLE figure_queue_day", "TABLE figure_appointment_day"}) {
                s.execute("DROP " + v9);
            }
            s.execute("DROP INDEX audit_log_request");
            s.execute("ALTER TABLE audit_log DROP COLUMN request_id");
            for (String v7 : new String[] {"DROP INDEX application_agency_created", "DROP INDEX application_service_created",
                    "DROP INDEX application_service_status_created",
                    "CREATE INDEX application_agency_status ON application (agency, status)",
                    "CREATE INDEX application_service ON application (service_id)"}) {
                s.execute(v7);
            }
            s.execute("DROP TABLE draft"); // V13
            for (String v12 : new String[] {"DROP TABLE centre", "DROP TABLE queue_number", "DROP TABLE centre_event",
                    "DROP INDEX payment_centre_paid", "ALTER TABLE payment DROP COLUMN centre",
                    "ALTER TABLE application DROP COLUMN centre"}) {
                s.execute(v12); // the tables V12 rebuilt are read back by name, so they may keep their centre column
            }
            for (String v10 : new String[] {"DROP TABLE staff_session", "DROP TABLE throttle", "DROP TABLE lease",
                    "DROP INDEX notification_queued", "ALTER TABLE notification DROP COLUMN lease_until",
                    "ALTER TABLE notification DROP COLUMN claimed_by",
                    "CREATE INDEX notification_queued ON notification (state, id)"}) {
                s.execute(v10);
            }
            s.execute("DROP TRIGGER audit_anchor_no_delete");
            s.execute("DROP TABLE audit_anchor");
            s.execute("DROP INDEX audit_log_subject");
            s.execute("PRAGMA user_version = 4");
            String prev = AuditHash.GENESIS;
            for (int seq = 1; seq <= plain; seq++) {
                String hash = AuditHash.of(prev, seq, 1000L * seq, "admin", "old.event", "s" + seq, "plain " + seq);
                s.executeUpdate("INSERT INTO audit_log VALUES (" + seq + ", " + 1000L * seq + ", 'admin', 'old.event', 's"
                        + seq + "', 'plain " + seq + "', '" + prev + "', '" + hash + "')");
                prev = hash;
            }
        }
    }

    /** Opens as a start of this version does: migrate, load or create the key, sign the anchor. */
    private SqlAuditLog start() {
        SqliteDatabase db = SqliteDatabase.open(file());
        AuditKey key = AuditKey.loadOrCreate(AuditKey.besides(file()));
        AuditChain chain = new AuditChain(db, key.bytes(), java.time.Clock.systemUTC());
        chain.signAnchor(key.created());
        return new SqlAuditLog(db, chain);
    }

    @Test
    void anOlderCentresPlainEntriesStayCheckableAndTheFirstKeyedOneAnchorsOnTheLast() throws Exception {
        olderCentre(3);
        SqlAuditLog log = start();
        assertEquals(4, log.append("admin", "new.event", "s4", "keyed").seq());
        log.append("admin", "new.event", "s5", "keyed");
        AuditCheck check = log.verify();
        assertTrue(check.intact(), check.message());
        assertEquals(5, check.entries());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(AuditKey.besides(file()))));
    }

    @Test
    void aRewrittenPlainPartIsCaughtAtTheAnchorAndNamedByAnExport() throws Exception {
        olderCentre(4);
        SqlAuditLog log = start();
        log.append("admin", "new.event", "s5", "keyed");
        StringWriter export = new StringWriter();
        byte[] key = AuditKey.read(AuditKey.besides(file()));
        try (Connection c = raw()) {
            AuditExport.write(c, key, export, Instant.parse("2026-03-01T10:00:00Z"));
        }
        try (Connection c = raw(); Statement s = c.createStatement()) {
            // entry 2 edited and entries 2..4 re-chained with plain SHA-256: consistent among themselves
            s.executeUpdate("UPDATE audit_log SET detail = 'rewritten' WHERE seq = 2");
            String prev = s.executeQuery("SELECT hash FROM audit_log WHERE seq = 1").getString(1);
            for (int seq = 2; seq <= 4; seq++) {
                var r = s.executeQuery("SELECT at, actor, action, subject, detail FROM audit_log WHERE seq = " + seq);
                String hash = AuditHash.of(prev, seq, r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5));
                r.close();
                s.executeUpdate("UPDATE audit_log SET prev_hash = '" + prev + "', hash = '" + hash + "' WHERE seq = " + seq);
                prev = hash;
            }
            s.executeUpdate("UPDATE audit_log SET prev_hash = '" + prev + "' WHERE seq = 5");
        }
        AuditCheck alone = log.verify();
        assertFalse(alone.intact(), alone.message());
        assertEquals(4, alone.firstBroken(), "without an export the rewrite shows at the anchor: " + alone.message());
        try (Connection c = raw()) {
            AuditCheck against = AuditExport.verify(new BufferedReader(new StringReader(export.toString())), c, key);
            assertFalse(against.intact());
            assertEquals(2, against.firstBroken(), against.message());
        }
    }

    @Test
    void movingTheAnchorToCallEveryEntryPlainIsRefused() throws Exception {
        olderCentre(2);
        SqlAuditLog log = start();
        log.append("admin", "new.event", "s3", "keyed");
        try (Connection c = raw(); Statement s = c.createStatement()) {
            String h3 = AuditHash.of(s.executeQuery("SELECT hash FROM audit_log WHERE seq = 2").getString(1), 3,
                    s.executeQuery("SELECT at FROM audit_log WHERE seq = 3").getLong(1), "admin", "new.event", "s3", "forged");
            s.executeUpdate("UPDATE audit_log SET detail = 'forged', hash = '" + h3 + "' WHERE seq = 3");
            s.executeUpdate("UPDATE audit_anchor SET last_plain_seq = 3, last_plain_hash = '" + h3 + "'");
        }
        AuditCheck check = log.verify();
        assertFalse(check.intact(), check.message());
        assertTrue(check.message().contains("not signed with this centre's audit key"), check.message());
    }

    @Test
    void anExportCatchesEntriesCutFromTheEndAndTheToolSaysSoWithItsExitCode() throws Exception {
        SqlAuditLog log = start();
        for (int i = 1; i <= 5; i++) {
            log.append("admin", "event", "s" + i, "detail " + i);
        }
        Path export = dir.resolve("audit-export.jsonl");
        assertEquals(AuditTool.INTACT, tool("export", export.toString()));
        assertEquals(AuditTool.INTACT, tool("verify", "--export", export.toString()));
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_log WHERE seq >= 4");
        }
        assertTrue(log.verify().intact(), "the database alone cannot see entries cut from the end");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(AuditTool.BROKEN, AuditTool.run(new String[] {"--home", dir.toString(), "verify", "--export",
            export.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("verdict=broken entries=3 firstBroken=4 "), said);
        assertTrue(said.contains("entry 4: it is missing from the database"), said);
        Files.writeString(export, Files.readString(export).replace("detail 2", "detail two"));
        assertEquals(AuditTool.BROKEN, tool("verify", "--export", export.toString()), "a changed export proves nothing");
        assertEquals(AuditTool.CANNOT_CHECK, AuditTool.run(new String[] {"--home", dir.resolve("nowhere").toString(),
            "verify"}, System.out, System.err));
    }

    @Test
    void theHeadIsPublishedInTheLogEveryHundredEntriesOnceCommittedAndNotForARolledBackOne() throws Exception {
        java.util.List<String> published = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger(AuditChain.class.getName());
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                String text = java.text.MessageFormat.format(record.getMessage(), record.getParameters());
                if (text.startsWith("Audit chain head")) {
                    published.add(text);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(handler);
        try {
            SqliteDatabase db = SqliteDatabase.open(file());
            AuditChain chain = TestChain.of(db);
            SqlAuditLog log = new SqlAuditLog(db, chain);
            String hundredth = null;
            for (int i = 1; i <= 199; i++) {
                String hash = log.append("admin", "event", "s" + i, null).hash();
                hundredth = i == 100 ? hash : hundredth;
            }
            assertEquals(java.util.List.of("Audit chain head (every 100 entries): seq 100 hash " + hundredth), published);
            assertThrowsStore(() -> db.write("fail after the 200th entry", c -> {
                chain.append(c, org.khidmat.api.store.AuditNote.of("admin", "event", "s200", null));
                throw new java.sql.SQLException("injected");
            }));
            assertEquals(1, published.size(), "a head that was rolled back is not published");
            chain.publish("stop");
            assertTrue(published.get(1).startsWith("Audit chain head (stop): seq 199 hash "), published.toString());
            db.close();
        } finally {
            jul.removeHandler(handler);
        }
    }

    private static void assertThrowsStore(org.junit.jupiter.api.function.Executable work) {
        org.junit.jupiter.api.Assertions.assertThrows(org.khidmat.api.platform.StoreException.class, work);
    }

    private int tool(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return AuditTool.run(all, System.out, System.err);
    }
}
