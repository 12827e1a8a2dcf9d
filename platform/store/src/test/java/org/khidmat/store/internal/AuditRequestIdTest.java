package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.store.AuditCheck;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.platform.StatusChange;
import org.slf4j.MDC;

/**
 * The id of the HTTP request that caused an audit entry, taken from SLF4J's MDC on the caller's thread across the
 * group writer's thread into the entry's {@code request_id}, and covered by its keyed hash.
 */
class AuditRequestIdTest {
    private static final Instant FILED = Instant.parse("2026-03-01T10:00:00Z");
    @TempDir
    Path dir;

    private void file(SqlApplicationStore store, String ref) {
        store.create(new ApplicationRecord(ref, "ictpolice.character-cert", 1, "ictpolice", "6110112345671", "normal",
                Map.of("cnic", "6110112345671"), "submitted", "due", FILED, FILED),
                new StatusChange(ref, FILED, "citizen", null, "submitted", null),
                AuditNote.of("citizen", "application.submit", ref, "ictpolice.character-cert v1, tier normal"));
    }

    private String requestIdOf(String ref) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("k.db"));
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT request_id FROM audit_log WHERE subject = '" + ref + "'")) {
            assertTrue(r.next(), ref);
            return r.getString(1);
        }
    }

    @Test
    void theRequestsIdIsInItsAuditEntryAndTheHashCoversIt() throws Exception {
        StringWriter export = new StringWriter();
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("k.db"))) {
            AuditChain chain = TestChain.of(db);
            SqlApplicationStore store = new SqlApplicationStore(db, chain);
            file(store, "NOID-0000-A");
            MDC.put(RequestTag.MDC_KEY, "req-0001-abc");
            try {
                file(store, "WITH-0001-B");
                new SqlAuditLog(db, chain).append("admin", "login", "admin", "signed in");
            } finally {
                MDC.remove(RequestTag.MDC_KEY);
            }
            file(store, "NOID-0002-C");
            assertTrue(new SqlAuditLog(db, chain).verify().intact());
            db.read("export", c -> {
                try {
                    return AuditExport.write(c, TestChain.KEY, export, Instant.now());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        assertNull(requestIdOf("NOID-0000-A"));
        assertEquals("req-0001-abc", requestIdOf("WITH-0001-B"));
        assertEquals("req-0001-abc", requestIdOf("admin"));
        assertNull(requestIdOf("NOID-0002-C"), "the writer thread does not keep an id after the write");
        assertTrue(export.toString().contains("\"request_id\":\"req-0001-abc\""), export.toString());

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("k.db"))) {
            AuditCheck withExport = AuditExport.verify(new BufferedReader(new StringReader(export.toString())), c, TestChain.KEY);
            assertTrue(withExport.intact(), withExport.message());
            try (Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER audit_log_no_update");
                s.executeUpdate("UPDATE audit_log SET request_id = 'someone-else' WHERE subject = 'WITH-0001-B'");
            }
            AuditCheck check = AuditVerifier.verify(c, TestChain.KEY);
            assertFalse(check.intact(), check.message());
            assertEquals(2, check.firstBroken(), check.message());
        }
    }
}
