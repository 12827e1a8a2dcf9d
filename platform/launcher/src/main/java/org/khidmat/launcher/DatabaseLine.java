package org.khidmat.launcher;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The database line of {@code bin/khidmat status}: on SQLite the size of {@code data/khidmat.db} with its
 * {@code -wal} and {@code -shm}; on PostgreSQL ({@code url} of {@code org.khidmat.store}, {@code KHIDMAT_DB_URL}) the
 * server and database, without user, password or parameters, and {@code pg_database_size} asked of it with the
 * centre's user and password file. The driver is on the class path of {@code bin/khidmat status}.
 */
final class DatabaseLine {
    static final String PID = "org.khidmat.store";

    private DatabaseLine() {
    }

    /** @return the line, never a password; a database that does not answer is said so, with the fix */
    static String of(Path home, Map<String, String> env) throws IOException {
        String url = setting(home, env, "url", "KHIDMAT_DB_URL");
        if (url.isEmpty()) {
            return "data=" + sqliteBytes(home.resolve("data")) + " bytes (khidmat.db with its -wal and -shm)";
        }
        String where = describe(url);
        try (Connection c = DriverManager.getConnection(url, credentials(home, env)); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT pg_database_size(current_database())")) {
            r.next();
            return "database=" + where + " size=" + r.getLong(1) + " bytes (pg_database_size)";
        } catch (SQLException | RuntimeException e) {
            return "database=" + where + " size=unknown (no answer: " + clean(e.getMessage(), url, where) + "; check url, user and"
                    + " passwordFile of " + PID + ", and that the server is up)";
        }
    }

    /** @return a driver's message with the URL (which may carry a password) in its described form, no password left */
    static String clean(String message, String url, String where) {
        String m = String.valueOf(message).replace(url, where);
        return m.replaceAll("(?i)password=[^&\\s;)]*", "password=(hidden)");
    }

    /** @return {@code postgresql://host:port/database}: the URL without {@code jdbc:}, a user part or parameters */
    static String describe(String url) {
        String s = url.startsWith("jdbc:") ? url.substring(5) : url;
        int q = s.indexOf('?');
        s = q < 0 ? s : s.substring(0, q);
        int scheme = s.indexOf("//");
        int at = s.indexOf('@', scheme < 0 ? 0 : scheme);
        if (scheme >= 0 && at > scheme) {
            s = s.substring(0, scheme + 2) + s.substring(at + 1);
        }
        return s;
    }

    private static Properties credentials(Path home, Map<String, String> env) throws IOException {
        Properties p = new Properties();
        String user = setting(home, env, "user", "KHIDMAT_DB_USER");
        if (!user.isEmpty()) {
            p.setProperty("user", user);
        }
        String file = setting(home, env, "passwordFile", "KHIDMAT_DB_PASSWORD_FILE");
        if (!file.isEmpty()) {
            p.setProperty("password", Files.readString(home.resolve(file), StandardCharsets.UTF_8).strip());
        }
        p.setProperty("connectTimeout", "5");
        p.setProperty("ApplicationName", "khidmat-status");
        return p;
    }

    /** @return the environment variable if set, else {@code key} of {@code conf/org.khidmat.store.cfg.json}, else "" */
    static String setting(Path home, Map<String, String> env, String key, String variable) {
        String v = env.get(variable);
        if (v != null && !v.isBlank()) {
            return v.strip();
        }
        JsonNode value = storeConfig(home).path(key);
        return value.isTextual() ? value.textValue().strip() : "";
    }

    private static JsonNode storeConfig(Path home) {
        Path conf = home.resolve("conf").resolve(PID + ".cfg.json");
        if (Files.isRegularFile(conf)) {
            try {
                return JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build().readTree(conf.toFile());
            } catch (IOException e) {
                // the centre reports a broken file when it starts; the defaults are the best guess here
            }
        }
        return MissingNode.getInstance();
    }

    private static long sqliteBytes(Path data) throws IOException {
        if (!Files.isDirectory(data)) {
            return 0;
        }
        long sum = 0;
        try (Stream<Path> files = Files.list(data)) {
            for (Path p : (Iterable<Path>) files.filter(p -> p.getFileName().toString().startsWith("khidmat.db"))::iterator) {
                sum += Files.size(p);
            }
        }
        return sum;
    }
}
