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
 * {@code n-1} to {@code n}; each runs in its own transaction together with the version bump ({@code PRAGMA
 * user_version} in SQLite, table {@code schema_version} in PostgreSQL: {@link Dialect}), so a failed script leaves
 * the database at the version before it. A database newer than this code is refused. Every script has a PostgreSQL
 * twin of the same name under {@code postgresql/}. On PostgreSQL a script runs under the migration lock and only if
 * the version is still below it, so nodes starting together migrate once.
 */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** The scripts in order, as resources next to this class. Append only; never edit a released script. */
    static final List<String> SCRIPTS = List.of("V1__base.sql", "V2__accounts.sql", "V3__centre.sql",
            "V4__appointments_notifications.sql", "V5__audit_key.sql", "V6__figures.sql", "V7__figure_days.sql",
            "V8__audit_request_id.sql", "V9__figure_queue_days.sql", "V10__shared_state.sql", "V11__bundle_set.sql",
            "V12__centres.sql", "V13__drafts.sql", "V14__bundle_approvals.sql", "V15__figure_day_at_commit.sql",
            "V16__queue_figures_at_commit.sql", "V17__audit_action_index.sql", "V18__centre_names.sql");

    private final Database database;

    Migrations(Database database) {
        this.database = database;
    }

    /** @return the schema version this code writes: the number of the last script */
    static int latest() {
        return number(SCRIPTS.get(SCRIPTS.size() - 1));
    }

    /** @return the version a script takes the schema to: {@code n} of {@code V<n>__name.sql} */
    static int number(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    /** @return the database's schema version */
    static int version(Database database) {
        return database.read("read the schema version", database.dialect()::schemaVersion);
    }

    void apply() {
        database.dialect().prepare(database);
        int current = version(database);
        if (current > latest()) {
            throw new StoreException("the database " + database.describe() + " is at schema version " + current
                    + " but this Khidmat understands versions up to " + latest()
                    + "; run a newer Khidmat or restore a backup made by this one", null);
        }
        int before = 0;
        for (String name : SCRIPTS) {
            int target = number(name);
            if (target <= before) {
                throw new IllegalStateException("migration script " + name + " is out of order");
            }
            before = target;
            if (target <= current) {
                continue;
            }
            Dialect dialect = database.dialect();
            List<String> statements = statements(load(dialect.script(name)));
            boolean ran = database.write("apply schema migration " + name, c -> {
                dialect.lock(c, Dialect.Lock.MIGRATION);
                if (dialect.schemaVersion(c) >= target) {
                    return false; // another node took it there while this one waited for the lock
                }
                run(c, statements);
                dialect.setSchemaVersion(c, target);
                return true;
            });
            if (ran) {
                LOG.info("Database {} migrated to schema version {} ({})", database.describe(), target, name);
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
     * {@code CREATE TRIGGER} of SQLite, which ends with a line {@code END;} (PostgreSQL's {@code ... EXECUTE FUNCTION
     * f();} ends as any statement), and inside a PostgreSQL dollar-quoted body
     * ({@code $$ ... $$}). Lines starting with {@code --} are comments. Scripts must not put {@code ;} at the end of
     * a line inside a string literal.
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean trigger = false;
        boolean dollarQuoted = false;
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (current.length() == 0) {
                trigger = trimmed.toUpperCase(Locale.ROOT).matches("CREATE\\s+(TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b.*");
            }
            current.append(line).append('\n');
            if ((trimmed.split("\\$\\$", -1).length - 1) % 2 == 1) {
                dollarQuoted = !dollarQuoted;
            }
            boolean pgTrigger = trigger && current.toString().toUpperCase(Locale.ROOT).contains("EXECUTE FUNCTION");
            boolean ends = !dollarQuoted && (trigger && !pgTrigger ? trimmed.equalsIgnoreCase("END;") : trimmed.endsWith(";"));
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
