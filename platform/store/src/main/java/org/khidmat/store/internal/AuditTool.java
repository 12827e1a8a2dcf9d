package org.khidmat.store.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.khidmat.api.store.AuditCheck;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The offline audit check behind {@code bin/khidmat verify-audit} and {@code bin/khidmat export-audit}: reads
 * {@code data/khidmat.db} (or the PostgreSQL database of {@code url}, {@code KHIDMAT_DB_URL}, in one read-only
 * snapshot) and {@code data/audit.key} of a centre's home, stopped or running (WAL lets it read beside
 * the centre), without changing them. {@code verify-audit} prints one {@code verdict=...} line and the check's
 * sentence, and exits 0 when the log is intact, 1 when it is not (naming the first bad entry), 2 when it could not
 * check (no database, no key, an old schema, a bad argument).
 */
public final class AuditTool {
    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int CANNOT_CHECK = 2;

    private AuditTool() {
    }

    /**
     * @param args {@code verify [--export FILE]} or {@code export FILE|-}, after {@code --home DIR} optionally
     */
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
        String command = args.length > i ? args[i] : "";
        String file = args.length > i + 2 && args[i + 1].equals("--export") ? args[i + 2]
                : command.equals("export") && args.length > i + 1 ? args[i + 1] : null;
        Path db = configuredDatabase(home);
        Path key = AuditKey.besides(db);
        String url = setting(home, "url", "KHIDMAT_DB_URL");
        if (!url.isEmpty()) {
            key = AuditKey.besides(home.resolve("data").resolve("khidmat.db"));
        }
        try {
            if (!command.equals("verify") && !(command.equals("export") && file != null)) {
                err.println("usage: khidmat verify-audit [--export FILE]   check the audit log of data/ (and against an export)");
                err.println("       khidmat export-audit FILE|-           write a signed export of the audit log");
                return CANNOT_CHECK;
            }
            if (!url.isEmpty()) {
                if (!Files.isRegularFile(key)) {
                    err.println("cannot check: " + key + " does not exist; copy the centre's audit key there");
                    return CANNOT_CHECK;
                }
                byte[] secret = AuditKey.read(key);
                try (Connection c = postgres(home, url)) {
                    return check(c, Dialect.POSTGRESQL.schemaVersion(c), command, secret, file, out, err);
                }
            }
            if (!Files.isRegularFile(db) || !Files.isRegularFile(key)) {
                err.println("cannot check: " + (Files.isRegularFile(db) ? key : db) + " does not exist; give the centre's"
                        + " home with KHIDMAT_HOME");
                return CANNOT_CHECK;
            }
            byte[] secret = AuditKey.read(key);
            try (Connection c = readOnly(db)) {
                return check(c, Integer.parseInt(SqliteDatabase.pragma(c, "user_version")), command, secret, file, out,
                        err);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            err.println("cannot check: " + e.getMessage());
            return CANNOT_CHECK;
        }
    }

    private static int check(Connection c, int version, String command, byte[] secret, String file, PrintStream out,
            PrintStream err) throws IOException, SQLException {
        if (version < 5) {
            err.println("cannot check: the database is at schema version " + version + "; start the centre once"
                    + " with this version to key the audit chain");
            return CANNOT_CHECK;
        }
        return command.equals("export") ? export(c, secret, file, out, err) : verify(c, secret, file, out);
    }

    /** A read-only connection to the centre's PostgreSQL database, in one REPEATABLE READ snapshot. */
    private static Connection postgres(Path home, String url) throws SQLException {
        java.util.Properties p = new java.util.Properties();
        String user = setting(home, "user", "KHIDMAT_DB_USER");
        if (!user.isEmpty()) {
            p.setProperty("user", user);
        }
        String passwordFile = setting(home, "passwordFile", "KHIDMAT_DB_PASSWORD_FILE");
        if (!passwordFile.isEmpty()) {
            p.setProperty("password", PasswordFile.read(home.resolve(passwordFile)));
        }
        Connection c = new org.postgresql.Driver().connect(url, p);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL: " + PostgresDatabase.describe(url));
        }
        c.setReadOnly(true);
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        return c;
    }

    /** @return the environment variable if set, else {@code key} of {@code conf/org.khidmat.store.cfg.json}, else "" */
    static String setting(Path home, String key, String variable) {
        String env = System.getenv(variable);
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        com.fasterxml.jackson.databind.JsonNode value = storeConfig(home).path(key);
        return value.isTextual() ? value.textValue().strip() : "";
    }

    private static com.fasterxml.jackson.databind.JsonNode storeConfig(Path home) {
        Path conf = home.resolve("conf").resolve(StoreConfig.PID + ".cfg.json");
        if (Files.isRegularFile(conf)) {
            try {
                return com.fasterxml.jackson.databind.json.JsonMapper.builder()
                        .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS).build()
                        .readTree(conf.toFile());
            } catch (IOException e) {
                // the centre reports a broken file; the defaults are the best guess here
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static int verify(Connection c, byte[] key, String export, PrintStream out) throws IOException, SQLException {
        AuditCheck check;
        if (export == null) {
            check = AuditVerifier.verify(c, key);
        } else {
            try (BufferedReader in = Files.newBufferedReader(Path.of(export), StandardCharsets.UTF_8)) {
                check = AuditExport.verify(in, c, key);
            }
        }
        out.println("verdict=" + (check.intact() ? "intact" : "broken") + " entries=" + check.entries() + " firstBroken="
                + check.firstBroken() + " unaudited=" + check.unaudited().size());
        out.println(check.message());
        return check.intact() ? INTACT : BROKEN;
    }

    private static int export(Connection c, byte[] key, String file, PrintStream out, PrintStream err)
            throws IOException, SQLException {
        if (file.equals("-")) {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            AuditExport.write(c, key, w, Instant.now());
            return INTACT;
        }
        AuditChain.Head head;
        try (Writer w = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8)) {
            head = AuditExport.write(c, key, w, Instant.now());
        }
        err.println("exported " + head.seq() + " audit entries to " + file + " (head " + head.hash() + ")");
        return INTACT;
    }

    private static Connection readOnly(Path db) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + db.toAbsolutePath());
        return source.getConnection();
    }

    /** @return the database of {@code conf/org.khidmat.store.cfg.json} under the home, else {@code data/khidmat.db} */
    static Path configuredDatabase(Path home) {
        com.fasterxml.jackson.databind.JsonNode db = storeConfig(home).path("database");
        if (db.isTextual() && !db.textValue().isBlank()) {
            return home.resolve(db.textValue().strip());
        }
        return home.resolve("data").resolve("khidmat.db");
    }
}
