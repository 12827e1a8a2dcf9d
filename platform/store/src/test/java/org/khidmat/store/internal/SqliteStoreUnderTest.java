package org.khidmat.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.khidmat.testkit.store.StoreUnderTest;

/**
 * The SQLite stores for the contract suite: one fresh file per test (a copy of a template migrated once), the stores built as the DS components
 * builds them, a second node as a second {@link SqliteDatabase} over the same file (its own writer and readers,
 * as another process would have; SQLite's locks and busy timeout keep them apart).
 */
final class SqliteStoreUnderTest extends SqlStoresUnderTest {
    private static Path template;
    private final Path file;
    private final List<SqliteStoreUnderTest> others = new ArrayList<>();

    private SqliteStoreUnderTest(Path file, boolean first) {
        this(file, SqliteDatabase.open(file), first);
    }

    private SqliteStoreUnderTest(Path file, SqliteDatabase db, boolean first) {
        super(db, chained(db, first));
        this.file = file;
    }

    /** @return fresh stores over a new database {@code k.db} in {@code dir}, a copy of the migrated template */
    static SqliteStoreUnderTest in(Path dir) {
        Path file = dir.resolve("k.db");
        try {
            Files.copy(template(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the template database into " + dir, e);
        }
        return new SqliteStoreUnderTest(file, true);
    }

    /**
     * An empty database at the latest schema, made once per test JVM: copying it costs a file copy, where migrating a
     * new file runs every script, each in a transaction of its own with its fsync.
     */
    private static synchronized Path template() throws IOException {
        if (template == null) {
            Path dir = Files.createTempDirectory("khidmat-store-contract");
            Path file = dir.resolve("template.db");
            SqliteDatabase.open(file).close();
            if (Files.exists(dir.resolve("template.db-wal"))) {
                throw new IllegalStateException("the template database kept a WAL after it was closed");
            }
            dir.toFile().deleteOnExit(); // deleted in the reverse order of these calls: the file, then its folder
            file.toFile().deleteOnExit();
            template = file;
        }
        return template;
    }

    /** Drops the append-only trigger and edits the row on a connection of its own, as a person with the file could. */
    @Override
    public void tamper(long seq) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("DROP TRIGGER IF EXISTS audit_log_no_update");
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE audit_log SET detail = 'nothing happened' WHERE seq = ?")) {
                u.setLong(1, seq);
                if (u.executeUpdate() != 1) {
                    throw new IllegalArgumentException("no audit entry " + seq + " to tamper with");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not tamper with audit entry " + seq, e);
        }
    }

    @Override
    public synchronized StoreUnderTest otherNode() {
        if (others.isEmpty()) {
            others.add(new SqliteStoreUnderTest(file, false));
        }
        return others.get(0);
    }

    @Override
    public synchronized void close() {
        others.forEach(SqliteStoreUnderTest::close);
        database.close();
    }
}
