package org.khidmat.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.khidmat.api.platform.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's schema up to date. Script {@code n} in {@link #SCRIPTS} takes the schema from version
 * {@code n-1} to {@code n}; each runs in its own transaction together with the {@code PRAGMA user_version} bump,
 * so a failed script leaves the database at the version before it. A database newer than this code is refused.
 */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** The scripts in order, as resources next to this class. Append only; never edit a released script. */
    static final List<String> SCRIPTS = List.of("V1__base.sql", "V2__accounts.sql", "V3__centre.sql",
            "V4__appointments_notifications.sql", "V5__audit_key.sql", "V6__figures.sql", "V7__figure_days.sql",
            "V8__audit_request_id.sql", "V9__reserved.sql", "V10__reserved.sql", "V11__reserved.sql",
            "V12__centres.sql");

    private final SqliteDatabase database;

    Migrations(SqliteDatabase database) {
        this.database = database;
    }

    /** @return the schema version this code writes */
    static int latest() {
        return SCRIPTS.size();
    }

    /** @return the database's schema version */
    static int version(SqliteDatabase database) {
        return database.read("read the schema version",
                c -> Integer.parseInt(SqliteDatabase.pragma(c, "user_version")));
    }

    void apply() {
        int current = version(database);
        if (current > latest()) {
            throw new StoreException("the database " + database.file() + " is at schema version " + current
                    + " but this Khidmat understands versions up to " + latest()
                    + "; run a newer Khidmat or restore a backup made by this one", null);
        }
        for (int version = current + 1; version <= latest(); version++) {
            String name = SCRIPTS.get(version - 1);
            if (!name.startsWith("V" + version + "__")) {
                throw new IllegalStateException("migration script " + name + " is out of order");
            }
            List<String> statements = statements(load(name));
            int target = version;
            // nodes that share the file may start together: the version is read again inside the write
            // transaction, which holds the file's write lock, so only one of them applies each script
            boolean applied = database.write("apply schema migration " + name, c -> {
                if (Integer.parseInt(SqliteDatabase.pragma(c, "user_version")) >= target) {
                    return false;
                }
                run(c, statements);
                run(c, List.of("PRAGMA user_version = " + target));
                return true;
            });
            if (applied) {
                LOG.info("Database {} migrated to schema version {} ({})", database.file(), target, name);
            }
        }
    }

    private static void run(Connection c, List<String> statements) throws SQLException {
        try (Statement statement = c.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
        }
    }

    private static String load(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("migration script " + name + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not read migration script " + name, e);
        }
    }

    /**
     * Splits a script into statements: a statement ends with a line ending in {@code ;}, except inside a
     * {@code CREATE TRIGGER}, which ends with a line {@code END;}. Lines starting with {@code --} are comments.
     * Scripts must not put {@code ;} at the end of a line inside a string literal.
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean trigger = false;
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (current.length() == 0) {
                trigger = trimmed.toUpperCase(Locale.ROOT).matches("CREATE\\s+(TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b.*");
            }
            current.append(line).append('\n');
            boolean ends = trigger ? trimmed.equalsIgnoreCase("END;") : trimmed.endsWith(";");
            if (ends) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
