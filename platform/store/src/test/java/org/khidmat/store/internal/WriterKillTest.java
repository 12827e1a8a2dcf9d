package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.store.AuditCheck;

/**
 * The writer killed with SIGKILL between queueing and COMMIT (a process filing from 16 threads, stopped by a hook
 * right before a COMMIT with its batch written): after reopening, every application a caller was told is stored
 * is there with its history, audit entry and message, the batch in flight is not, and the chain is intact.
 */
class WriterKillTest {
    @TempDir
    Path dir;

    @Test
    void nothingIsAcknowledgedThatAKillBeforeTheCommitLoses() throws Exception {
        Path file = dir.resolve("k.db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FilingChild.class.getName(), file.toString(), "16", "40")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Set<String> filing = new HashSet<>();
        Set<String> acknowledged = new HashSet<>();
        boolean atCommit = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("AT-COMMIT") && !atCommit) {
                    atCommit = true;
                    child.toHandle().destroyForcibly(); // SIGKILL (streams left open to read what was said before)
                } else if (line.startsWith("FILING ")) {
                    filing.add(line.substring(7));
                } else if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(atCommit, "the writer reached the held COMMIT");
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        assertFalse(acknowledged.isEmpty(), "some filings were acknowledged before the kill");

        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            Set<String> stored = new HashSet<>(strings(db, "SELECT reference FROM application"));
            List<String> lost = acknowledged.stream().filter(r -> !stored.contains(r)).sorted().toList();
            assertEquals(List.of(), lost, "acknowledged but not in the database after the kill");
            Set<String> inFlight = new HashSet<>(filing);
            inFlight.removeAll(stored);
            assertFalse(inFlight.isEmpty(), "the batch held before its COMMIT is not stored (and nobody was told)");
            assertTrue(acknowledged.stream().noneMatch(inFlight::contains));
            assertEquals(List.of(), strings(db, "SELECT reference FROM application a WHERE NOT EXISTS (SELECT 1 FROM"
                    + " status_history h WHERE h.reference = a.reference) OR NOT EXISTS (SELECT 1 FROM notification n"
                    + " WHERE n.reference = a.reference) OR NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.subject ="
                    + " a.reference)"), "every stored application has its history line, message and audit entry");
            assertEquals(0L, (long) strings(db, "SELECT reference FROM notification n WHERE NOT EXISTS (SELECT 1 FROM"
                    + " application a WHERE a.reference = n.reference)").size(), "no message without its application");
            assertEquals(List.of("ok"), strings(db, "PRAGMA integrity_check"));
            AuditCheck check = new SqlAuditLog(db, new AuditChain(db, TestChain.KEY, java.time.Clock.systemUTC())).verify();
            assertTrue(check.intact(), check.message());
        }
    }

    private static List<String> strings(SqliteDatabase db, String sql) {
        return db.read("read", null, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(sql); ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.add(rows.getString(1));
                }
            }
            return out;
        });
    }
}
