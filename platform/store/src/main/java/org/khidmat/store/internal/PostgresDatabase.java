package org.khidmat.store.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.khidmat.api.platform.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL database through a HikariCP pool. A write is one READ COMMITTED transaction on a pooled connection,
 * committed by the calling thread; filings ({@link #writeInGroup}), which all wait for the audit chain's head lock,
 * go through the node's {@link PostgresGroupWriter} instead and commit many to a transaction. Where the SQLite code
 * relied on its single writer, the write takes a {@link Dialect.Lock}. A write that meets a deadlock or a serialization
 * failure is run again (its work must be a function of the database). A read is one REPEATABLE READ, read-only
 * transaction (one snapshot) under {@code statement_timeout}. The pool is made by {@link PostgresPool}.
 */
final class PostgresDatabase implements Database {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresDatabase.class);
    /** Runs of a write that met a deadlock or serialization failure, before it fails. */
    static final int ATTEMPTS = 5;

    /**
     * The write under way on this thread: its connection, what runs after its commit, and what stands for its
     * transaction ({@link #transaction()}): a group's, shared by its writes, or {@code null} for a write alone.
     */
    record Transaction(Connection connection, List<Runnable> afterCommit, Object group) {
    }

    private final HikariDataSource pool;
    private final NotificationListener listener;
    private final String name;
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();
    private final PostgresGroupWriter groups;
    private volatile StoreTimer timer = StoreTimer.NONE;

    private PostgresDatabase(HikariDataSource pool, NotificationListener listener, String name) {
        this.pool = pool;
        this.listener = listener;
        this.name = name;
        this.groups = new PostgresGroupWriter(pool::getConnection, current, name);
    }

    /**
     * Connects and brings the schema up to date.
     *
     * @param url a {@code jdbc:postgresql://host[:port]/database} URL
     * @param user the user, or blank for the URL's or the driver's default
     * @param password the password, or {@code null}; never logged
     * @param poolSize the most connections this node holds
     * @throws StoreException when it cannot connect or the schema is newer than this code
     */
    static PostgresDatabase open(String url, String user, String password, int poolSize) {
        String name = describe(url);
        HikariDataSource pool = PostgresPool.open(url, user, password, poolSize, name);
        NotificationListener listener = new NotificationListener(PostgresPool.source(url, user, password),
                "khidmat-listen-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        PostgresDatabase database = new PostgresDatabase(pool, listener, name);
        try {
            new Migrations(database).apply();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        LOG.info("Opened PostgreSQL database {} (pool of {})", name, pool.getMaximumPoolSize());
        return database;
    }

    /** @return the URL without its parameters (which may hold a password) */
    static String describe(String url) {
        return PostgresPool.describe(url);
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public <T> T read(String what, Duration limit, Work<T> work) {
        Transaction outer = current.get();
        if (outer != null) {
            return run(what, () -> work.run(outer.connection())); // a read inside a write sees the write
        }
        long asked = System.nanoTime();
        long began = 0;
        try (Connection c = connection(what)) {
            began = System.nanoTime();
            try {
                // the transaction's own characteristics, not the session's: the pooled connection stays as the pool
                // hands it out (READ COMMITTED, read-write) for the next write
                try (Statement s = c.createStatement()) {
                    s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL statement_timeout = "
                            + (limit == null ? 0 : Math.max(1, limit.toMillis())));
                }
                return work.run(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            if ("57014".equals(e.getSQLState()) && limit != null) {
                throw new StoreException("could not " + what + ": it took longer than " + limit.toMillis()
                        + " ms, the limit for one read; ask for less (a shorter period, a smaller page)", e);
            }
            throw new StoreException("could not " + what + ": " + e.getMessage(), e);
        } finally {
            timer.record("read", asked, began, System.nanoTime());
        }
    }

    @Override
    public <T> T write(String what, Work<T> work) {
        Transaction outer = current.get();
        if (outer != null) {
            return run(what, () -> work.run(outer.connection()));
        }
        long asked = System.nanoTime();
        long began = 0;
        try (Connection c = connection(what)) {
            began = System.nanoTime();
            for (int attempt = 1; ; attempt++) {
                Transaction tx = new Transaction(c, new ArrayList<>(), null);
                current.set(tx);
                T result;
                try {
                    result = work.run(c);
                    c.commit();
                } catch (SQLException e) {
                    rollbackQuietly(c);
                    if (retriable(e) && attempt < ATTEMPTS) {
                        LOG.debug("Write '{}' met {} ({}); running it again", what, e.getSQLState(), attempt);
                        continue;
                    }
                    throw new StoreException("could not " + what + ": " + e.getMessage(), e);
                } catch (RuntimeException | Error e) {
                    rollbackQuietly(c);
                    throw e;
                } finally {
                    current.remove();
                }
                tx.afterCommit().forEach(PostgresDatabase::runQuietly);
                return result;
            }
        } catch (SQLException e) {
            throw new StoreException("could not " + what + ": " + e.getMessage(), e);
        } finally {
            timer.record("write", asked, began, System.nanoTime());
        }
    }

    /** Queues the write to this node's {@link PostgresGroupWriter}: committed with the other filings waiting. */
    @Override
    public <T> T writeInGroup(String what, Work<T> work) {
        if (current.get() != null) {
            return write(what, work);
        }
        long asked = System.nanoTime();
        long[] began = {0};
        try {
            return groups.write(what, work, t -> began[0] = t);
        } finally {
            timer.record("write", asked, began[0], System.nanoTime());
        }
    }

    /** The group's transaction on the group writer's thread: see {@link PostgresGroupWriter}. */
    @Override
    public Object transaction() {
        Transaction tx = current.get();
        return tx == null ? null : tx.group();
    }

    /** The group writer starts its next group, when this thread leads one: see {@link PostgresGroupWriter}. */
    @Override
    public void beforeAuditHeadLock() {
        groups.pastInserts();
    }

    /** @return this node's group writer, for tests that count its commits or cut its connection */
    PostgresGroupWriter groups() {
        return groups;
    }

    private Connection connection(String what) {
        if (pool.isClosed()) {
            throw new StoreException("could not " + what + ": the store is closed", null);
        }
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new StoreException("could not " + what + ": no connection to PostgreSQL at " + name + " ("
                    + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            throw new StoreException("could not " + what + ": the store is closed", e);
        }
    }

    /** @return whether the failure is a deadlock or a serialization failure, here or in what caused it: run it again */
    static boolean retriable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException q && ("40001".equals(q.getSQLState()) || "40P01".equals(q.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    private static <T> T run(String what, SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new StoreException("could not " + what + ": " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("Rolling back a write failed: {}", e.getMessage());
        }
    }

    private static void runQuietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("A task after a commit failed: {}", e.toString(), e);
        }
    }

    @Override
    public void afterCommit(Runnable task) {
        Transaction tx = current.get();
        if (tx != null) {
            tx.afterCommit().add(task);
        } else {
            task.run();
        }
    }

    @Override
    public boolean notifies() {
        return true;
    }

    @Override
    public AutoCloseable listen(String channel, Runnable wake) {
        return listener.listen(channel, wake);
    }

    /** @return the listening connection, for tests that break it */
    NotificationListener listener() {
        return listener;
    }

    @Override
    public void timeWith(StoreTimer t) {
        timer = t == null ? StoreTimer.NONE : t;
    }

    @Override
    public void close() {
        groups.close();
        listener.close();
        pool.close();
        LOG.info("Closed PostgreSQL database {}", name);
    }
}
