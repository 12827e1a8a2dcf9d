package org.khidmat.store.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.khidmat.api.store.AuditCheck;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * {@code bin/khidmat move-to-postgresql URL}: copies a stopped SQLite centre into an empty PostgreSQL database. The
 * target gets the schema first (the PostgreSQL twins of the scripts), then every table's rows in one transaction with
 * the tables' own triggers off (the figures' sums are copied, not counted again), identities set past the copied ids,
 * and the audit chain verified there under the centre's key before the commit: a copy that does not verify leaves the
 * target with an empty schema. Refused while the centre runs, when the target holds any table, or when the SQLite
 * database is not at this code's schema version. Exit codes: 0 moved, 1 refused, 2 could not start.
 */
public final class MoveToPostgres {
    /** Every table, parents before children (foreign keys stay on during the copy). */
    static final List<String> TABLES = List.of("centre", "centre_name", "service_state", "audit_log", "audit_anchor", "application",
            "status_history", "descriptor_archive", "account", "api_token", "payment", "queue_letter", "queue_token",
            "queue_number", "counter", "rating", "appointment_slot", "appointment", "notification", "figure_move",
            "figure_day", "figure_time", "figure_queue_day", "figure_appointment_day", "bundle_set_head", "bundle_set",
            "bundle_outcome", "bundle_approval", "bundle_quarantine", "agency_owner");
    /**
     * Tables not copied, each for a reason ({@code docs/operations.md}): staff sessions (everyone logs in again on the
     * moved centre), throttles (counts of the last minutes), leases (held by running nodes; the centre is stopped),
     * signals (a running node's prompt to look again; nodes start afresh) and the hall screens' recent events. A new
     * table is in this list or in {@link #TABLES}, else {@code MoveToPostgresTest} fails.
     */
    static final List<String> SKIPPED = List.of("staff_session", "throttle", "lease", "signal", "centre_event",
            "draft");
    /** Tables whose id is an identity on PostgreSQL: copied with their ids, then the identity moved past them. */
    static final List<String> IDENTITIES = List.of("status_history", "queue_token", "notification");
    private static final int BATCH = 1_000;

    private MoveToPostgres() {
    }

    /** @param args {@code [--home DIR] URL} */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path home = Path.of(System.getProperty("khidmat.home", System.getenv().getOrDefault("KHIDMAT_HOME", ".")));
        int i = 0;
        if (args.length > 1 && args[0].equals("--home")) {
            home = Path.of(args[1]);
            i = 2;
        }
        if (args.length != i + 1 || !args[i].startsWith("jdbc:postgresql:")) {
            err.println("usage: khidmat move-to-postgresql jdbc:postgresql://host:port/database   copy this stopped"
                    + " centre into an empty PostgreSQL database (user and password: KHIDMAT_DB_USER,"
                    + " KHIDMAT_DB_PASSWORD_FILE)");
            return 2;
        }
        try {
            return move(home, args[i], AuditTool.setting(home, "user", "KHIDMAT_DB_USER"),
                    AuditTool.setting(home, "passwordFile", "KHIDMAT_DB_PASSWORD_FILE"), out, err);
        } catch (IOException | SQLException | RuntimeException e) {
            err.println("move-to-postgresql failed: " + e.getMessage() + "; nothing was copied");
            return 2;
        }
    }

    static int move(Path home, String url, String user, String passwordFile, PrintStream out, PrintStream err)
            throws IOException, SQLException {
        String running = CentreLock.holder(home.resolve("data"));
        if (running != null) {
            err.println("refused: a centre runs from " + home + " (" + running + "); stop it first");
            return 1;
        }
        Path file = AuditTool.configuredDatabase(home);
        Path keyFile = AuditKey.besides(file);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(keyFile)) {
            err.println("refused: " + (Files.isRegularFile(file) ? keyFile : file) + " does not exist; give the centre's"
                    + " home with KHIDMAT_HOME");
            return 1;
        }
        byte[] key = AuditKey.read(keyFile);
        String password = passwordFile.isEmpty() ? null : PasswordFile.read(home.resolve(passwordFile));
        try (Connection source = readOnly(file)) {
            int version = Integer.parseInt(SqliteDatabase.pragma(source, "user_version"));
            if (version != Migrations.latest()) {
                err.println("refused: the database is at schema version " + version + ", this Khidmat writes "
                        + Migrations.latest() + "; start the centre once with this version, stop it, and move again");
                return 1;
            }
            int tables = tablesIn(url, user, password);
            if (tables > 0) {
                err.println("refused: " + PostgresDatabase.describe(url) + " is not empty (" + tables + " tables); give"
                        + " an empty database");
                return 1;
            }
            Map<String, Integer> copied;
            try (Database target = PostgresDatabase.open(url, user, password, 2)) {
                copied = target.write("copy the centre into PostgreSQL", c -> copy(source, c, key));
            }
            out.println("moved " + copied + " to " + PostgresDatabase.describe(url) + "; audit chain intact");
            out.println("start the centre with KHIDMAT_DB_URL=" + PostgresDatabase.describe(url)
                    + " (keep data/audit.key; keep " + file.getFileName() + " until you are satisfied)");
            return 0;
        }
    }

    private static Map<String, Integer> copy(Connection source, Connection target, byte[] key) throws SQLException {
        Map<String, Integer> copied = new LinkedHashMap<>();
        try (Statement s = target.createStatement()) {
            for (String table : TABLES) {
                s.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
            }
            s.executeUpdate("DELETE FROM counter"); // the schema's six default counters: the centre's own come next
            s.executeUpdate("DELETE FROM centre"); // the schema's centre 'default': the centres registered come next
            s.executeUpdate("DELETE FROM audit_anchor"); // the empty log's anchor: the centre's (signed) comes next
            s.executeUpdate("DELETE FROM bundle_set_head"); // the empty set's change number: the centre's comes next
            for (String table : TABLES) {
                copied.put(table, copyTable(source, target, table));
            }
            for (String table : IDENTITIES) {
                s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), COALESCE(MAX(id), 0) + 1, false)"
                        + " FROM " + table);
            }
            for (String table : TABLES) {
                s.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER");
            }
        }
        AuditCheck check = AuditVerifier.verify(target, key);
        if (!check.intact()) {
            throw new SQLException("the copy's audit chain does not verify (" + check.message() + ")");
        }
        return copied;
    }

    private static int copyTable(Connection source, Connection target, String table) throws SQLException {
        int rows = 0;
        try (Statement s = source.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = r.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
            }
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ")"
                    + (IDENTITIES.contains(table) ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            try (PreparedStatement insert = target.prepareStatement(sql)) {
                while (r.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        insert.setObject(i, r.getObject(i));
                    }
                    insert.addBatch();
                    if (++rows % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        }
        return rows;
    }

    private static int tablesIn(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        if (!user.isEmpty()) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        try (Connection c = new org.postgresql.Driver().connect(url, p); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                        + " WHERE table_schema = current_schema()")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static Connection readOnly(Path db) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + db.toAbsolutePath());
        return source.getConnection();
    }
}
