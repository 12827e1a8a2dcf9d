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
 * {@code data/khidmat.db} and {@code data/audit.key} of a centre's home, stopped or running (WAL lets it read beside
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
        try {
            if (!command.equals("verify") && !(command.equals("export") && file != null)) {
                err.println("usage: khidmat verify-audit [--export FILE]   check the audit log of data/ (and against an export)");
                err.println("       khidmat export-audit FILE|-           write a signed export of the audit log");
                return CANNOT_CHECK;
            }
            if (!Files.isRegularFile(db) || !Files.isRegularFile(key)) {
                err.println("cannot check: " + (Files.isRegularFile(db) ? key : db) + " does not exist; give the centre's"
                        + " home with KHIDMAT_HOME");
                return CANNOT_CHECK;
            }
            byte[] secret = AuditKey.read(key);
            try (Connection c = readOnly(db)) {
                int version = Integer.parseInt(SqliteDatabase.pragma(c, "user_version"));
                if (version < 5) {
                    err.println("cannot check: the database is at schema version " + version + "; start the centre once"
                            + " with this version to key the audit chain");
                    return CANNOT_CHECK;
                }
                return command.equals("export") ? export(c, secret, file, out, err) : verify(c, secret, file, out);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            err.println("cannot check: " + e.getMessage());
            return CANNOT_CHECK;
        }
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
        Path conf = home.resolve("conf").resolve(StoreConfig.PID + ".cfg.json");
        if (java.nio.file.Files.isRegularFile(conf)) {
            try {
                com.fasterxml.jackson.databind.JsonNode db = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                        .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS).build()
                        .readTree(conf.toFile()).path("database");
                if (db.isTextual() && !db.textValue().isBlank()) {
                    return home.resolve(db.textValue().strip());
                }
            } catch (java.io.IOException e) {
                // the centre reports a broken file; the default is the best guess here
            }
        }
        return home.resolve("data").resolve("khidmat.db");
    }
}
