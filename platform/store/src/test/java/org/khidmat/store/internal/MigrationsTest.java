package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.StoreException;
import org.sqlite.SQLiteDataSource;

class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void createsTheSchemaOnAnEmptyFileInAMissingFolder() {
        Path file = dir.resolve("home/data/khidmat.db");
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            assertTrue(Files.isRegularFile(file));
            assertEquals(List.of("account", "agency_owner", "api_token", "application", "appointment", "appointment_slot", "audit_anchor", "audit_log", "bundle_approval", "bundle_outcome", "bundle_quarantine", "bundle_set", "bundle_set_head", "centre", "centre_event", "centre_name", "counter", "descriptor_archive", "draft", "figure_appointment_day", "figure_day", "figure_move", "figure_queue_day", "figure_time", "lease", "notification", "payment", "queue_letter", "queue_number", "queue_token", "rating", "service_state", "signal", "staff_session", "status_history", "throttle"),
                    names(db, "table"));
            assertEquals(List.of("api_token_username", "application_agency_created", "application_agency_status_created", "application_created", "application_service_created", "application_service_status_created", "appointment_cnic", "appointment_day", "audit_log_action", "audit_log_request", "audit_log_subject", "bundle_approval_waiting", "centre_event_at", "draft_address", "draft_touched", "notification_queued",
                    "notification_reference", "payment_centre_paid", "payment_paid", "queue_token_served", "queue_token_waiting",
                    "rating_service", "staff_session_last_seen", "staff_session_username", "status_history_reference",
                    "throttle_expires"), names(db, "index"));
            assertEquals(List.of("audit_anchor_no_delete", "audit_anchor_sign_once", "audit_log_no_delete", "audit_log_no_update",
                    "figure_appointment_booked", "figure_appointment_changed", "figure_appointment_gone", "figure_day_filed",
                    "figure_day_rated", "figure_move_first", "figure_queue_changed", "figure_queue_gone", "figure_queue_taken",
                    "figure_time_first"),
                    names(db, "trigger"));
            assertEquals(Migrations.latest(), Migrations.version(db));
        }
    }

    @Test
    void opensWithWalFullSyncForeignKeysAndBusyTimeout() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("k.db"))) {
            assertEquals("wal", db.read("t", c -> SqliteDatabase.pragma(c, "journal_mode")));
            assertEquals("2", db.read("t", c -> SqliteDatabase.pragma(c, "synchronous")), "2 is FULL");
            assertEquals("1", db.read("t", c -> SqliteDatabase.pragma(c, "foreign_keys")));
            assertEquals("5000", db.read("t", c -> SqliteDatabase.pragma(c, "busy_timeout")));
        }
    }

    @Test
    void reopeningIsANoOpAndKeepsData() {
        Path file = dir.resolve("k.db");
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            new SqlApplicationStore(db, TestChain.of(db)).keepDescriptor("nadra.cnic-renewal", 1, "{}");
        }
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            assertEquals(Migrations.latest(), Migrations.version(db));
            assertEquals("{}", new SqlApplicationStore(db, TestChain.of(db)).descriptor("nadra.cnic-renewal", 1).orElseThrow());
        }
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            assertEquals(36, names(db, "table").size());
        }
    }

    @Test
    void refusesADatabaseNewerThanTheCode() throws Exception {
        Path file = dir.resolve("newer.db");
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA user_version = 99");
        }
        StoreException e = assertThrows(StoreException.class, () -> SqliteDatabase.open(file));
        assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
        assertTrue(e.getMessage().contains("up to " + Migrations.latest()), e.getMessage());
        try (Connection c = source.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "nothing was created in the refused database");
        }
    }

    @Test
    void splitsScriptsIntoStatementsKeepingTriggersWhole() {
        List<String> statements = Migrations.statements("-- comment\nCREATE TABLE a (x TEXT);\n\n"
                + "CREATE TRIGGER t BEFORE DELETE ON a\nBEGIN\n  SELECT RAISE(ABORT, 'no');\nEND;\n"
                + "CREATE INDEX i\n  ON a (x);\n");
        assertEquals(3, statements.size());
        assertEquals("CREATE TABLE a (x TEXT);", statements.get(0));
        assertTrue(statements.get(1).startsWith("CREATE TRIGGER") && statements.get(1).endsWith("END;"));
        assertFalse(statements.get(2).contains("--"));
    }

    static List<String> names(SqliteDatabase db, String type) {
        return db.read("list " + type, c -> {
            List<String> names = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT name FROM sqlite_master"
                    + " WHERE type = '" + type + "' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        });
    }
}
