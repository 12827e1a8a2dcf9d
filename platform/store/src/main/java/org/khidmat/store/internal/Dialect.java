package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What differs between the two engines, in one place: where the migration scripts are, how the schema version is
 * kept, and how a write takes a lock where the SQLite code relied on its single writer. The stores' own SQL is
 * written once, in what both engines accept ({@code ON CONFLICT}, {@code CASE}, {@code LIMIT ?}, row values).
 */
public enum Dialect {
    /** One writer thread: every write is already alone, so a lock is nothing; the version is {@code user_version}. */
    SQLITE("") {
        @Override
        void lock(Connection c, Lock lock) {
            // the group writer runs one write at a time on one connection
        }

        @Override
        void notify(Connection c, String channel, String payload) {
            // nobody listens: the other nodes poll the rows
        }

        @Override
        String lockRowsSkippingLocked() {
            return ""; // one write at a time: a row read in a write is the writer's until it commits
        }

        @Override
        int schemaVersion(Connection c) throws SQLException {
            return Integer.parseInt(SqliteDatabase.pragma(c, "user_version"));
        }

        @Override
        void setSchemaVersion(Connection c, int version) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("PRAGMA user_version = " + version);
            }
        }
    },
    /**
     * A pool of connections, many nodes: a write that reads then writes what must follow one order (the audit chain's
     * head, a queue's next number) takes a transaction-scoped advisory lock first; the version is in
     * {@code schema_version}.
     */
    POSTGRESQL("postgresql/") {
        @Override
        void lock(Connection c, Lock lock) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                s.setLong(1, lock.key);
                s.execute();
            }
        }

        @Override
        String lockRowsSkippingLocked() {
            return " FOR UPDATE SKIP LOCKED";
        }

        @Override
        void notify(Connection c, String channel, String payload) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                s.setString(1, channel);
                s.setString(2, payload);
                s.execute();
            }
        }

        @Override
        int schemaVersion(Connection c) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet exists = s.executeQuery(
                    "SELECT to_regclass('schema_version') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return 0;
                }
            }
            try (Statement s = c.createStatement(); ResultSet row = s.executeQuery("SELECT version FROM schema_version")) {
                return row.next() ? row.getInt(1) : 0;
            }
        }

        @Override
        void setSchemaVersion(Connection c, int version) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("UPDATE schema_version SET version = ? WHERE id = 1")) {
                s.setInt(1, version);
                s.executeUpdate();
            }
        }

        /**
         * Makes {@code schema_version} (at 0 for an empty database) before any migration, in a transaction of its own.
         * Nodes starting together race to create it; the loser's CREATE fails (the table, its row type or the
         * catalog's unique index exists already) and runs again, finding it. It must exist before the migration
         * lock is waited for: a transaction that waited on an advisory lock does not see a table created meanwhile
         * by name (its catalog cache still says absent).
         */
        @Override
        void prepare(Database database) {
            for (int attempt = 1; ; attempt++) {
                try {
                    database.write("prepare the schema version", c -> {
                        try (Statement s = c.createStatement()) {
                            s.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version (id INTEGER PRIMARY KEY"
                                    + " CHECK (id = 1), version INTEGER NOT NULL)");
                            s.executeUpdate("INSERT INTO schema_version (id, version) VALUES (1, 0)"
                                    + " ON CONFLICT (id) DO NOTHING");
                        }
                        return null;
                    });
                    return;
                } catch (org.khidmat.api.platform.StoreException e) {
                    String state = e.getCause() instanceof SQLException q ? q.getSQLState() : null;
                    if (attempt >= 3 || !java.util.Set.of("23505", "42P07", "42710").contains(state)) {
                        throw e;
                    }
                }
            }
        }
    };

    /** What a write locks, held until its transaction ends. Keys are fixed: other nodes must take the same. */
    enum Lock {
        /** The audit chain's head: two writers must not both chain onto the same entry. */
        AUDIT_HEAD(0x4b48_0001L),
        /** The queue's letters: two categories seen for the first time at once must not be given the same letter. */
        QUEUE(0x4b48_0002L),
        /** The schema: one node migrates, the others wait and find it done. */
        MIGRATION(0x4b48_0003L),
        /** Centre events: ids commit in order, so a poller reading after the last id it saw misses none. */
        CENTRE_EVENTS(0x4b48_0004L),
        /** Citizens' drafts: the count per address and the total are checked and kept by one opener at a time. */
        DRAFTS(0x4b48_0d01L);

        final long key;

        Lock(long key) {
            this.key = key;
        }
    }

    private final String scripts;

    Dialect(String scripts) {
        this.scripts = scripts;
    }

    /** @return the migration script {@code name} of this dialect, a resource path next to {@link Migrations} */
    String script(String name) {
        return scripts + name;
    }

    /** Takes {@code lock} until the transaction on {@code c} ends; call inside a write. */
    abstract void lock(Connection c, Lock lock) throws SQLException;

    /**
     * Tells the listeners of {@code channel} on every node ({@link Database#listen}) when the transaction on {@code c}
     * commits (PostgreSQL delivers a NOTIFY at commit, and not at all on a rollback); nothing on SQLite.
     */
    abstract void notify(Connection c, String channel, String payload) throws SQLException;

    /**
     * @return what ends a {@code SELECT} of a write so the rows it returns are locked to the write's end and rows
     *         another open write holds are passed over: {@code FOR UPDATE SKIP LOCKED} on PostgreSQL, nothing on
     *         SQLite (its writes run one at a time)
     */
    abstract String lockRowsSkippingLocked();

    /** @return the schema version of the database on {@code c}, 0 for an empty one */
    abstract int schemaVersion(Connection c) throws SQLException;

    /** Readies the database to record its schema version, before the first migration; nothing on SQLite. */
    void prepare(Database database) {
        // SQLite keeps it in the file header (PRAGMA user_version)
    }

    /** Records the schema version, in the transaction of the script that reached it. */
    abstract void setSchemaVersion(Connection c, int version) throws SQLException;
}
