package org.khidmat.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.khidmat.api.store.AuditCheck;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Whether a database file is a good copy of a centre: SQLite's {@code integrity_check} finds nothing, the schema is
 * one this code can open, and the audit chain verifies under the centre's key (every application with its submit
 * entry). A backup is called good, and a restore switches to a file, only after this says so.
 *
 * @param schema the file's schema version ({@code PRAGMA user_version})
 * @param applications the applications it holds
 * @param auditEntries the audit entries it holds
 * @param lastSeq the last audit entry's seq (0 when the log is empty)
 * @param lastHash the last audit entry's hash
 * @param bytes the file's size
 * @param problem why it is not good, or {@code null} when it is
 */
record BackupCheck(int schema, long applications, long auditEntries, long lastSeq, String lastHash, long bytes,
        String problem) {

    boolean good() {
        return problem == null;
    }

    /** One line for an operator: what the file holds. */
    String summary() {
        return "applications=" + applications + " auditEntries=" + auditEntries + " lastAuditSeq=" + lastSeq
                + " schema=" + schema + " bytes=" + bytes;
    }

    /**
     * Checks a database file read-only.
     *
     * @param file the copy to check (not the live database: it is opened without WAL recovery rights)
     * @param key the audit key the chain must verify under
     */
    static BackupCheck of(Path file, byte[] key) {
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            return failed(0, "cannot read " + file + ": " + e.getMessage());
        }
        try (Connection c = readOnly(file)) {
            String integrity = integrity(c);
            if (!integrity.equals("ok")) {
                return failed(bytes, "SQLite's integrity check failed: " + integrity);
            }
            int schema = Integer.parseInt(SqliteDatabase.pragma(c, "user_version"));
            if (schema < 5 || schema > Migrations.latest()) {
                return new BackupCheck(schema, 0, 0, 0, null, bytes, "schema version " + schema + " is not one this"
                        + " Khidmat checks (5 to " + Migrations.latest() + ")");
            }
            long applications = count(c, "SELECT count(*) FROM application");
            long entries = count(c, "SELECT count(*) FROM audit_log");
            AuditChain.Head head = AuditChain.head(c);
            AuditCheck audit = AuditVerifier.verify(c, key);
            return new BackupCheck(schema, applications, entries, head.seq(), head.hash(), bytes,
                    audit.intact() ? null : "the audit chain does not verify under this key: " + audit.message());
        } catch (SQLException | RuntimeException e) {
            return failed(bytes, "not a readable Khidmat database: " + e.getMessage());
        }
    }

    private static BackupCheck failed(long bytes, String problem) {
        return new BackupCheck(0, 0, 0, 0, null, bytes, problem);
    }

    private static String integrity(Connection c) throws SQLException {
        StringBuilder found = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("PRAGMA integrity_check(5)")) {
            while (rows.next()) {
                found.append(found.length() == 0 ? "" : "; ").append(rows.getString(1).replace('\n', ' '));
            }
        }
        return found.toString();
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    static Connection readOnly(Path db) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + db.toAbsolutePath());
        return source.getConnection();
    }
}
