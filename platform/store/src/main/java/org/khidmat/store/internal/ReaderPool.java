package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.khidmat.api.platform.StoreException;
import org.sqlite.ProgressHandler;

/**
 * A few read-only connections ({@code PRAGMA query_only}) used without the writer's queue: in WAL mode each read
 * sees the last commit while the writer works. A read runs in one read transaction, so its statements see one
 * snapshot, and under a time limit: SQLite's progress handler interrupts a statement past the deadline, so no
 * request holds a reader for long.
 */
final class ReaderPool implements AutoCloseable {
    /** SQLite virtual machine steps between two looks at the clock. */
    private static final int STEPS = 1_000;
    private static final long NO_LIMIT = Long.MAX_VALUE;

    /** One read-only connection and the deadline of the read it serves. */
    private static final class Reader extends ProgressHandler {
        final Connection connection;
        volatile long deadline = NO_LIMIT;

        Reader(Connection connection) throws SQLException {
            this.connection = connection;
            ProgressHandler.setHandler(connection, STEPS, this);
        }

        @Override
        protected int progress() {
            return deadline != NO_LIMIT && System.nanoTime() - deadline > 0 ? 1 : 0;
        }

        boolean late() {
            return deadline != NO_LIMIT && System.nanoTime() - deadline > 0;
        }
    }

    private final BlockingQueue<Reader> idle;
    private final List<Reader> all = new ArrayList<>();
    private final Duration wait;
    private volatile boolean closed;

    /**
     * @param connections opens one connection; called {@code size} times
     * @param wait how long a read waits for a free reader before it fails
     */
    ReaderPool(int size, SqlSupplier connections, Duration wait) throws SQLException {
        this.idle = new ArrayBlockingQueue<>(size);
        this.wait = wait;
        try {
            for (int i = 0; i < size; i++) {
                Connection c = connections.get();
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA query_only = 1");
                }
                Reader reader = new Reader(c);
                all.add(reader);
                idle.add(reader);
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    /** Opens a connection. */
    @FunctionalInterface
    interface SqlSupplier {
        Connection get() throws SQLException;
    }

    /**
     * Runs a read on a free reader, in one read transaction.
     *
     * @param limit how long its statements may run, or {@code null} for no limit (the audit check, migrations)
     */
    <T> T read(String what, Duration limit, Database.Work<T> work) {
        Reader reader = borrow(what);
        try {
            reader.deadline = limit == null ? NO_LIMIT : System.nanoTime() + limit.toNanos();
            execute(reader.connection, "BEGIN");
            try {
                return work.run(reader.connection);
            } finally {
                execute(reader.connection, "ROLLBACK");
            }
        } catch (SQLException e) {
            if (reader.late()) {
                throw new StoreException("could not " + what + ": it took longer than " + limit.toMillis()
                        + " ms, the limit for one read; ask for less (a shorter period, a smaller page)", e);
            }
            throw new StoreException("could not " + what + ": " + e.getMessage(), e);
        } finally {
            reader.deadline = NO_LIMIT;
            idle.add(reader);
        }
    }

    private Reader borrow(String what) {
        Supplier<StoreException> closedError = () -> new StoreException("could not " + what + ": the store is closed", null);
        if (closed) {
            throw closedError.get();
        }
        try {
            Reader reader = idle.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (reader == null) {
                throw new StoreException("could not " + what + ": every reader stayed busy for " + wait.toMillis()
                        + " ms; the centre is overloaded, try again", null);
            }
            if (closed) {
                idle.add(reader);
                throw closedError.get();
            }
            return reader;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("could not " + what + ": interrupted while waiting for a reader", e);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Closes every reader; reads under way finish on their connection or fail. */
    @Override
    public void close() {
        closed = true;
        for (Reader reader : all) {
            try {
                reader.connection.close();
            } catch (SQLException e) {
                // closing: nothing left to do with a reader that will not close
            }
        }
    }
}
