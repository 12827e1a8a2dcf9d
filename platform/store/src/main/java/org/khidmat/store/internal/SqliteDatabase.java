package org.khidmat.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.khidmat.api.platform.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;

/**
 * One SQLite file: one write connection owned by a {@link GroupWriter} (writes are queued and committed in groups,
 * each caller returning once its write is on disk) and a {@link ReaderPool} of read-only connections that read
 * while the writer works (WAL). Every {@link SQLException} leaves as a {@link StoreException} that says what was
 * being done, never the SQL or its values.
 */
final class SqliteDatabase implements Database {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);
    private static final int BUSY_TIMEOUT_MILLIS = 5_000;
    /** Read-only connections; SQLite in WAL mode reads in parallel with one writer. */
    static final int READERS = 4;
    /**
     * The writer's page cache, in KiB (SQLite's default is 2 MB). A filing inserts into five indexes at a random place
     * (the reference's, its history's, its message's, its audit entry's subject and request id), each on a page of its
     * own; with 2 MB those pages were read again from the file (7.2 reads a filing at 270,000 applications, 3.2 with
     * 32 MB) and the writer spent two fifths of its time in the kernel. Only the writer's connection gets it (it fills
     * as the store grows); the readers keep 2 MB.
     */
    static final int WRITER_CACHE_KB = 32 * 1024;

    private final Path file;
    private final Connection writeConnection;
    private final GroupWriter writer;
    private final ReaderPool readers;
    private volatile Checkpointer checkpointer;
    private volatile StoreTimer timer = StoreTimer.NONE;

    private SqliteDatabase(Path file, Connection writeConnection, ReaderPool readers) {
        this.file = file;
        this.writeConnection = writeConnection;
        this.writer = new GroupWriter(writeConnection, file.getFileName().toString());
        this.readers = readers;
    }

    /**
     * Opens (creating if needed) the database file and brings its schema up to date.
     *
     * @param file the database file; missing parent folders are created
     * @return the open database
     * @throws StoreException when it cannot be opened, or its schema is newer than this code
     */
    static SqliteDatabase open(Path file) {
        return open(file, java.util.function.UnaryOperator.identity());
    }

    /** For tests: opens the file with the writer's connection seen through {@code writerSeen} (to watch its statements). */
    static SqliteDatabase open(Path file, java.util.function.UnaryOperator<Connection> writerSeen) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("could not create the folder for the database " + absolute, e);
        }
        SQLiteDataSource source = source(absolute);
        source.setJournalMode("WAL");
        Connection connection;
        ReaderPool readers;
        try {
            connection = writerSeen.apply(StatementCache.wrap(firstConnection(source)));
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA wal_autocheckpoint = " + Checkpointer.BACKSTOP_PAGES);
                s.execute("PRAGMA cache_size = -" + WRITER_CACHE_KB);
            }
        } catch (SQLException e) {
            throw new StoreException("could not open the database " + absolute, e);
        }
        try {
            SQLiteDataSource readSource = source(absolute);
            readers = new ReaderPool(READERS, readSource::getConnection, Duration.ofMillis(BUSY_TIMEOUT_MILLIS));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreException("could not open the database " + absolute + " for reading", e);
        }
        SqliteDatabase database = new SqliteDatabase(absolute, connection, readers);
        try {
            String mode = database.read("read the journal mode", c -> pragma(c, "journal_mode"));
            if (!"wal".equalsIgnoreCase(mode)) {
                LOG.warn("Database {} is in journal mode {}, not WAL; writers will block readers", absolute, mode);
            }
            new Migrations(database).apply();
            database.checkpointer = new Checkpointer(source(absolute).getConnection(), absolute.getFileName().toString());
            database.writer.afterEachCommit(database.checkpointer::committed);
        } catch (SQLException e) {
            database.close();
            throw new StoreException("could not open the database " + absolute + " for checkpoints", e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        ownerOnly(absolute);
        LOG.info("Opened database {}", absolute);
        return database;
    }

    /**
     * @return the writer's connection; sqlite-jdbc switches a connection to WAL before it sets the busy timeout, so a
     *     node opening a file another node is creating or switching at that moment is told "database is locked" at
     *     once: it tries again, within the busy timeout, as any other locked statement would wait
     */
    private static Connection firstConnection(SQLiteDataSource source) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUSY_TIMEOUT_MILLIS);
        for (int wait = 10; ; wait = Math.min(wait * 2, 200)) {
            try {
                return source.getConnection();
            } catch (SQLException e) {
                if (e.getErrorCode() != SQLiteErrorCode.SQLITE_BUSY.code || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while the database was locked", e);
            }
        }
    }

    private static SQLiteDataSource source(Path file) {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        source.setSynchronous("FULL");
        source.setEnforceForeignKeys(true);
        source.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        // sqlite-jdbc would otherwise prepare and run "SELECT last_insert_rowid()" after every INSERT; the two inserts
        // that need their row's id ask for it with RETURNING
        source.setGetGeneratedKeys(false);
        return source;
    }

    /** @return the database file */
    Path file() {
        return file;
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public String describe() {
        return file.toString();
    }

    /** Runs a read on a reader; see {@link Database#read(String, Duration, Work)}. */
    @Override
    public <T> T read(String what, Duration limit, Work<T> work) {
        StoreTimer t = timer;
        if (t == StoreTimer.NONE) {
            return readers.read(what, limit, work);
        }
        long t0 = System.nanoTime();
        long[] began = {0};
        try {
            return readers.read(what, limit, c -> {
                began[0] = System.nanoTime();
                return work.run(c);
            });
        } finally {
            t.record("read", t0, began[0], System.nanoTime());
        }
    }

    /** Queues the write to the group writer: committed with other callers' writes, rolled back alone. */
    @Override
    public <T> T write(String what, Work<T> work) {
        StoreTimer t = timer;
        if (t == StoreTimer.NONE) {
            return writer.write(what, work);
        }
        long t0 = System.nanoTime();
        long[] began = {0};
        try {
            return writer.write(what, c -> {
                if (began[0] == 0) {
                    began[0] = System.nanoTime(); // a batch retried alone runs the work again: the first turn counts
                }
                return work.run(c);
            });
        } finally {
            t.record("write", t0, began[0], System.nanoTime());
        }
    }

    @Override
    public void timeWith(StoreTimer t) {
        timer = t == null ? StoreTimer.NONE : t;
    }

    /** The group writer's transaction on its thread: see {@link GroupWriter#transaction()}. */
    @Override
    public Object transaction() {
        return writer.transaction();
    }

    @Override
    public void afterCommit(Runnable task) {
        writer.afterCommit(task);
    }

    /** For tests: runs before each COMMIT; a task that throws fails the batch as a failed COMMIT would. */
    void beforeCommit(Runnable task) {
        writer.beforeCommit(task);
    }

    /** For tests: the WAL frames the background checkpoint copied so far. */
    long framesCheckpointed() {
        return checkpointer == null ? 0 : checkpointer.framesCopied();
    }

    /** For tests: how many writes wait for the writer. */
    int queuedWrites() {
        return writer.queued();
    }

    /** Commits what is queued, then closes every connection; later calls fail with a {@link StoreException}. */
    @Override
    public void close() {
        writer.close();
        if (checkpointer != null) {
            checkpointer.close();
        }
        readers.close();
        closeQuietly(writeConnection);
        LOG.info("Closed database {}", file);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("Closing a connection to the database failed: {}", e.getMessage(), e);
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
}
