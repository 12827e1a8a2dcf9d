package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.khidmat.api.platform.AuditCheck;
import org.khidmat.api.platform.AuditEntry;
import org.khidmat.api.platform.AuditLog;

/** The audit log in table {@code audit_log}, each entry chained to the one before by {@link AuditHash}. */
final class SqliteAuditLog implements AuditLog {
    private static final String COLUMNS = "seq, at, actor, action, subject, detail, prev_hash, hash";

    private final SqliteDatabase database;
    private final Clock clock;

    SqliteAuditLog(SqliteDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public AuditEntry append(String actor, String action, String subject, String detail) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        return database.write("append to the audit log (" + action + ")", c -> {
            long seq = 1;
            String prevHash = AuditHash.GENESIS;
            try (Statement statement = c.createStatement();
                    ResultSet last = statement.executeQuery("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
                if (last.next()) {
                    seq = last.getLong(1) + 1;
                    prevHash = last.getString(2);
                }
            }
            long at = clock.millis();
            String hash = AuditHash.of(prevHash, seq, at, actor, action, subject, detail);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, seq);
                insert.setLong(2, at);
                insert.setString(3, actor);
                insert.setString(4, action);
                insert.setString(5, subject);
                insert.setString(6, detail);
                insert.setString(7, prevHash);
                insert.setString(8, hash);
                insert.executeUpdate();
            }
            return new AuditEntry(seq, Instant.ofEpochMilli(at), actor, action, subject, detail, hash);
        });
    }

    /** Matches case-insensitively (for ASCII letters, as SQL {@code LIKE} does) anywhere in the four text fields. */
    @Override
    public List<AuditEntry> search(String text, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        boolean all = text == null || text.isEmpty();
        String sql = "SELECT " + COLUMNS + " FROM audit_log"
                + (all ? "" : " WHERE actor LIKE ? ESCAPE '\\' OR action LIKE ? ESCAPE '\\'"
                        + " OR subject LIKE ? ESCAPE '\\' OR detail LIKE ? ESCAPE '\\'")
                + " ORDER BY seq DESC LIMIT ?";
        return database.read("search the audit log", c -> {
            try (PreparedStatement query = c.prepareStatement(sql)) {
                int i = 1;
                if (!all) {
                    String pattern = "%" + escapeLike(text) + "%";
                    for (; i <= 4; i++) {
                        query.setString(i, pattern);
                    }
                }
                query.setInt(i, limit);
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new AuditEntry(rows.getLong(1), Instant.ofEpochMilli(rows.getLong(2)),
                                rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                                rows.getString(8)));
                    }
                }
                return entries;
            }
        });
    }

    /**
     * Walks the chain from the first entry and stops at the first that does not hold. An entry is broken when its
     * stored hash does not match its content, or when it does not follow the entry before it (a gap in seq, or a
     * previous hash that is not that entry's hash). Rows deleted from the end of the log cannot be noticed here.
     */
    @Override
    public AuditCheck verify() {
        return database.read("verify the audit log", this::verify);
    }

    private AuditCheck verify(Connection c) throws SQLException {
        long checked = 0;
        long previousSeq = 0;
        String previousHash = AuditHash.GENESIS;
        try (Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq")) {
            while (rows.next()) {
                checked++;
                long seq = rows.getLong(1);
                String prevHash = rows.getString(7);
                String hash = rows.getString(8);
                String expected = AuditHash.of(prevHash, seq, rows.getLong(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6));
                if (!expected.equals(hash)) {
                    return broken(checked, seq, "its content does not match its hash (edited?)");
                }
                if (seq != previousSeq + 1 || !previousHash.equals(prevHash)) {
                    return broken(checked, seq, "entry " + (seq - 1) + " is missing or changed (deleted?)");
                }
                previousSeq = seq;
                previousHash = hash;
            }
        }
        return new AuditCheck(true, checked, 0, "audit log intact: " + checked + " entries");
    }

    private static AuditCheck broken(long checked, long seq, String why) {
        return new AuditCheck(false, checked, seq, "audit log broken at entry " + seq + ": " + why);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
