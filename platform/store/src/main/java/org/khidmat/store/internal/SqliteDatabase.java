package org.khidmat.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.khidmat.api.platform.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteDataSource;

/**
 * One SQLite file behind one connection, used by one caller at a time. Reads run as they are; writes run in a
 * transaction that either commits or leaves nothing behind. Every {@link SQLException} leaves as a
 * {@link StoreException} that says what was being done, never the SQL or its values.
 */
final class SqliteDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);
    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    /** Work done with the connection, under the lock. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private Connection connection;

    private SqliteDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (creating if needed) the database file and brings its schema up to date.
     *
     * @param file the database file; missing parent folders are created
     * @return the open database
     * @throws StoreException when it cannot be opened, or its schema is newer than this code
     */
    static SqliteDatabase open(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("could not create the folder for the database " + absolute, e);
        }
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + absolute);
        source.setJournalMode("WAL");
        source.setSynchronous("FULL");
        source.setEnforceForeignKeys(true);
        source.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        source.setTransactionMode("IMMEDIATE");
        Connection connection;
        try {
            connection = source.getConnection();
        } catch (SQLException e) {
            throw new StoreException("could not open the database " + absolute, e);
        }
        SqliteDatabase database = new SqliteDatabase(absolute, connection);
        try {
            String mode = database.read("read the journal mode", c -> pragma(c, "journal_mode"));
            if (!"wal".equalsIgnoreCase(mode)) {
                LOG.warn("Database {} is in journal mode {}, not WAL; writers will block readers", absolute, mode);
            }
            new Migrations(database).apply();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        ownerOnly(absolute);
        LOG.info("Opened database {}", absolute);
        return database;
    }

    /** @return the database file */
    Path file() {
        return file;
    }

    /**
     * Runs work outside a transaction; for reads.
     *
     * @param what what is being done, for the error message ("read the audit log")
     */
    <T> T read(String what, Work<T> work) {
        lock.lock();
        try {
            return work.run(open(what));
        } catch (SQLException e) {
            throw new StoreException("could not " + what + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs work in one transaction, committed when it returns and rolled back when it throws.
     *
     * @param what what is being done, for the error message ("store application KM7Q-4XPA-K")
     */
    <T> T write(String what, Work<T> work) {
        lock.lock();
        try {
            Connection c = open(what);
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                afterCommit.clear();
                rollback(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            runAfterCommit();
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not " + what + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs a task once the current transaction has committed (dropped when it rolls back); for what must not be
     * said before the data is on disk, such as publishing the audit chain's head. Call from inside {@link #write}.
     */
    void afterCommit(Runnable task) {
        afterCommit.add(task);
    }

    private void runAfterCommit() {
        List<Runnable> tasks = List.copyOf(afterCommit);
        afterCommit.clear();
        for (Runnable task : tasks) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("A task after a commit to {} failed: {}", file, e.toString(), e);
            }
        }
    }

    /** Closes the connection; later calls fail with a {@link StoreException}. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (connection != null) {
                connection.close();
                LOG.info("Closed database {}", file);
            }
        } catch (SQLException e) {
            LOG.warn("Closing database {} failed: {}", file, e.getMessage(), e);
        } finally {
            connection = null;
            lock.unlock();
        }
    }

    /**
     * Makes the database file and its WAL and shared-memory files readable by the centre's user only: they hold
     * CNICs, answers and password hashes. New files get that from the start script's umask; this mends files an
     * older centre left readable by all.
     */
    private static void ownerOnly(Path database) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            Path f = database.resolveSibling(database.getFileName() + suffix);
            try {
                if (Files.exists(f)) {
                    Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                }
            } catch (IOException | UnsupportedOperationException e) {
                LOG.warn("Could not make {} owner-only: {}; check its permissions", f, e.toString());
            }
        }
    }

    /** Reads a pragma's single value as text. */
    static String pragma(Connection c, String name) throws SQLException {
        try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private Connection open(String what) {
        if (connection == null) {
            throw new StoreException("could not " + what + ": the store is closed", null);
        }
        return connection;
    }

    private static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
