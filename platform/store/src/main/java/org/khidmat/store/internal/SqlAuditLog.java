package org.khidmat.store.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.khidmat.api.store.AuditCheck;
import org.khidmat.api.store.AuditEntry;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.store.AuditNote;

/** The audit log in table {@code audit_log}: entries chained by {@link AuditChain}, checked by {@link AuditVerifier}. */
@Component(service = AuditLog.class)
public final class SqlAuditLog implements AuditLog {
    /**
     * How many of the newest entries a search looks into for text: a day or two of a big centre's work (at six million
     * entries a look through 100,000 took 44 ms at the median, 74 ms at p99).
     */
    static final int SEARCH_WINDOW = 30_000;

    private final Database database;
    private final AuditChain chain;
    private final int window;

    @Activate
    public SqlAuditLog(@Reference Database database, @Reference AuditChain chain) {
        this(database, chain, SEARCH_WINDOW);
    }

    SqlAuditLog(Database database, AuditChain chain, int window) {
        this.window = window;
        this.database = database;
        this.chain = chain;
    }

    /** For events that change no stored data; changes are audited by the store method that makes them. */
    @Override
    public AuditEntry append(String actor, String action, String subject, String detail) {
        AuditNote note = AuditNote.of(actor, action, subject, detail);
        return database.write("append to the audit log (" + action + ")", c -> chain.append(c, note));
    }

    /**
     * Matches case-insensitively anywhere in the four text fields of the newest {@link #SEARCH_WINDOW} entries
     * (on PostgreSQL {@code LOWER(x) LIKE LOWER(?)}, since its {@code LIKE} minds case where SQLite's does not), and every
     * entry whose subject is the text whole, as typed or in capitals (a reference), through the subject index: at six
     * million entries a search for a reference read the whole log and passed the read's time limit.
     */
    @Override
    public List<AuditEntry> search(String text, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        if (text == null || text.isEmpty()) {
            return database.read("list the audit log", c -> {
                try (PreparedStatement query = c.prepareStatement("SELECT " + AuditChain.COLUMNS
                        + " FROM audit_log ORDER BY seq DESC LIMIT ?")) {
                    query.setInt(1, limit);
                    return entries(query);
                }
            });
        }
        return database.read("search the audit log", c -> {
            try (PreparedStatement query = c.prepareStatement(searchSql(database.dialect()))) {
                bindSearch(query, text, window, limit);
                return entries(query);
            }
        });
    }

    /**
     * The newest {@code window} entries holding the text, and the entries about it as a whole subject, newest first.
     * SQLite's LIKE folds ASCII case as its LOWER does (neither folds more without ICU), so there the columns are
     * matched as they are: lowering four columns of each of 30,000 rows took three quarters of a search's time.
     */
    static String searchSql(Dialect dialect) {
        boolean folds = dialect == Dialect.SQLITE;
        String like = folds ? " LIKE ? ESCAPE '\\'" : " LIKE LOWER(?) ESCAPE '\\'";
        java.util.function.UnaryOperator<String> column = name -> folds ? name : "LOWER(" + name + ")";
        return "SELECT " + AuditChain.COLUMNS + " FROM audit_log WHERE seq > (SELECT COALESCE(MAX(seq), 0) FROM audit_log) - ?"
                + " AND (" + column.apply("actor") + like + " OR " + column.apply("action") + like + " OR "
                + column.apply("subject") + like + " OR " + column.apply("detail") + like + ")"
                + " UNION SELECT " + AuditChain.COLUMNS + " FROM audit_log WHERE subject IN (?, ?)"
                + " ORDER BY seq DESC LIMIT ?";
    }

    static void bindSearch(PreparedStatement query, String text, int window, int limit) throws java.sql.SQLException {
        String pattern = "%" + escapeLike(text) + "%";
        int i = 1;
        query.setInt(i++, window);
        for (int k = 0; k < 4; k++) {
            query.setString(i++, pattern);
        }
        query.setString(i++, text);
        query.setString(i++, text.toUpperCase(java.util.Locale.ROOT));
        query.setInt(i, limit);
    }

    /** Through the index on (action, seq) of V17: the entries of the prefix's range, then the newest of them. */
    @Override
    public List<AuditEntry> actions(String prefix, int limit) {
        java.util.Objects.requireNonNull(prefix, "prefix");
        if (limit <= 0) {
            return List.of();
        }
        boolean all = prefix.isEmpty();
        String sql = actionsSql(database.dialect(), !all);
        return database.read("read the audit log's " + prefix + " entries", c -> {
            try (PreparedStatement query = c.prepareStatement(sql)) {
                int i = 1;
                if (!all) {
                    query.setString(i++, prefix);
                    query.setString(i++, prefix.substring(0, prefix.length() - 1)
                            + (char) (prefix.charAt(prefix.length() - 1) + 1));
                }
                query.setInt(i, limit);
                return entries(query);
            }
        });
    }

    /**
     * The entries whose action is in [?, ?), newest first, then the limit. PostgreSQL compares by code point
     * ({@code COLLATE "C"}, as its index is built), so that the range is the prefix's whatever the database's collation;
     * SQLite's text comparison already is.
     */
    static String actionsSql(Dialect dialect, boolean range) {
        String action = dialect == Dialect.POSTGRESQL ? "action COLLATE \"C\"" : "action";
        return "SELECT " + AuditChain.COLUMNS + " FROM audit_log" + (range ? " WHERE " + action + " >= ? AND " + action
                + " < ?" : "") + " ORDER BY seq DESC LIMIT ?";
    }

    private static List<AuditEntry> entries(PreparedStatement query) throws java.sql.SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                entries.add(AuditEntry.of(rows.getLong(1), Instant.ofEpochMilli(rows.getLong(2)), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(8)));
            }
        }
        return entries;
    }

    @Override
    public AuditCheck verify() {
        byte[] key = chain.key();
        return database.read("verify the audit log", null, c -> AuditVerifier.verify(c, key));
    }

    @Override
    public AuditCheck verifyFrom(long seq) {
        byte[] key = chain.key();
        return database.read("verify the audit log's new entries", null, c -> AuditVerifier.verifyFrom(c, key, seq));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
