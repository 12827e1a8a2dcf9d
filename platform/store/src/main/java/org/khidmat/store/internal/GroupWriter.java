package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.khidmat.api.platform.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one thread owns the write connection, takes the writes waiting in its queue (up to {@link #BATCH})
 * and runs them in one transaction, then commits once (one fsync under {@code synchronous=FULL}). A write whose work
 * fails fails alone: the transaction is rolled back and the others of the batch run again without it, in a new one
 * (a work must be a function of the database: {@link Database#write}). Failures are rare (a taken reference is no
 * failure), so this costs less than a savepoint around every write, which was a fifth of the writer's time a filing
 * (issue 16). A caller blocks until the commit that holds its write returned, so nothing is acknowledged before it is
 * on disk; when the commit fails, every write of the batch fails.
 */
final class GroupWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupWriter.class);
    /** The most writes committed together. */
    static final int BATCH = 64;

    /** One caller's write, its result and what is to run once it is committed. */
    private static final class Pending<T> {
        final String what;
        final Database.Work<T> work;
        final CompletableFuture<T> done = new CompletableFuture<>();
        final List<Runnable> afterCommit = new ArrayList<>();
        /** The caller's request id, for the audit entry and log lines of this write (RequestTag). */
        final String requestId = RequestTag.current();
        T result;

        Pending(String what, Database.Work<T> work) {
            this.what = what;
            this.work = work;
        }

        void run(Connection c) throws SQLException {
            result = RequestTag.during(requestId, work, c);
        }

        void fail(Throwable e) {
            done.completeExceptionally(e instanceof SQLException
                    ? new StoreException("could not " + what + ": " + e.getMessage(), e) : e);
        }
    }

    private static final Pending<Void> STOP = new Pending<>("stop", c -> null);

    private final Connection connection;
    private final String name;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Object gate = new Object();
    private final Thread thread;
    private boolean closed;
    /** The write under way, on the writer thread only. */
    private Pending<?> current;
    /** Stands for the transaction open on the write connection, new at each BEGIN; writer thread only. */
    private Object transaction;
    private volatile Runnable beforeCommit = () -> { };
    /** Told how many writes each COMMIT stored, after it (the checkpointer counts them). */
    private volatile java.util.function.IntConsumer committed = n -> { };
    /** The writer's own statements, prepared once; writer thread only. */
    private final Map<String, PreparedStatement> control = new HashMap<>();

    GroupWriter(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
        this.thread = new Thread(this::loop, "khidmat-store-writer " + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs the work in a transaction and returns once it is committed; see the class comment. */
    <T> T write(String what, Database.Work<T> work) {
        Pending<T> pending = new Pending<>(what, work);
        if (Thread.currentThread() == thread) {
            return nested(pending);
        }
        synchronized (gate) {
            if (closed) {
                throw new StoreException("could not " + what + ": the store is closed", null);
            }
            queue.add(pending);
        }
        try {
            return pending.done.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new StoreException("could not " + what + ": " + cause, cause);
        }
    }

    /** A write from a write (or from a task after a commit) on this thread: joins the transaction, or runs alone. */
    private <T> T nested(Pending<T> pending) {
        if (current != null) {
            try {
                return pending.work.run(connection);
            } catch (SQLException e) {
                throw new StoreException("could not " + pending.what + ": " + e.getMessage(), e);
            }
        }
        commit(List.of(pending));
        return pending.done.join();
    }

    /** Runs the task once the current write is committed; dropped when it is rolled back. */
    void afterCommit(Runnable task) {
        if (Thread.currentThread() == thread && current != null) {
            current.afterCommit.add(task);
        } else {
            task.run();
        }
    }

    /** For tests: runs right before each COMMIT; a task that throws fails the whole batch, as a failed COMMIT. */
    void beforeCommit(Runnable task) {
        beforeCommit = task;
    }

    /** Tells the consumer, on the writer thread after each COMMIT, how many writes it stored; it must not block. */
    void afterEachCommit(java.util.function.IntConsumer consumer) {
        committed = consumer;
    }

    /**
     * @return an object that stands for the transaction open on the calling thread, the same for every write of it
     *     and new for the next; {@code null} off the writer thread or outside a transaction. What a write learns from
     *     the database (the audit chain's head) holds for later writes of the same transaction, as no other
     *     connection or process writes while it is open (BEGIN IMMEDIATE).
     */
    Object transaction() {
        return Thread.currentThread() == thread ? transaction : null;
    }

    /** @return how many writes wait in the queue */
    int queued() {
        return queue.size();
    }

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, BATCH - 1);
            stop = batch.remove(STOP);
            if (!batch.isEmpty()) {
                try {
                    commit(batch);
                } catch (RuntimeException | Error e) {
                    // a task after the commit threw past its guard: answer every caller still waiting, keep writing
                    batch.forEach(p -> p.done.completeExceptionally(e));
                }
            }
            batch.clear();
        }
        closeControl();
        List<Pending<?>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.fail(new StoreException("could not " + p.what + ": the store is closed", null)));
    }

    private void commit(List<Pending<?>> batch) {
        List<Pending<?>> left = new ArrayList<>(batch);
        Pending<?> failed;
        try {
            do {
                failed = runAll(left);
                if (failed != null) {
                    left.remove(failed);
                }
            } while (failed != null && !left.isEmpty());
            if (left.isEmpty()) {
                return;
            }
            beforeCommit.run();
            execute("COMMIT");
            transaction = null;
        } catch (SQLException | RuntimeException | Error e) {
            rollback(e);
            LOG.warn("A group commit of {} writes to {} failed; none of them is stored: {}", left.size(), name, e.toString());
            left.forEach(p -> p.done.completeExceptionally(new StoreException("could not " + p.what
                    + ": the transaction did not commit (" + e + "); nothing of it is stored", e)));
            return;
        }
        committed.accept(left.size());
        for (Pending<?> p : left) {
            p.afterCommit.forEach(GroupWriter::runQuietly);
            complete(p);
        }
    }

    /**
     * Begins a transaction and runs the writes in it, in order. When one throws, the transaction is rolled back (with
     * what the others did), that write is failed, and it is returned for the caller to run the others again without it.
     *
     * @return the write that failed, the transaction rolled back; {@code null} when all ran, the transaction open
     */
    private Pending<?> runAll(List<Pending<?>> writes) throws SQLException {
        execute("BEGIN IMMEDIATE");
        transaction = new Object();
        for (Pending<?> p : writes) {
            p.afterCommit.clear();
            current = p;
            try {
                p.run(connection);
            } catch (SQLException | RuntimeException | Error e) {
                rollback(e);
                writes.forEach(w -> w.afterCommit.clear());
                p.fail(e);
                return p;
            } finally {
                current = null;
            }
        }
        return null;
    }

    private static <T> void complete(Pending<T> p) {
        p.done.complete(p.result);
    }

    private static void runQuietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("A task after a commit failed: {}", e.toString(), e);
        }
    }

    private void rollback(Throwable failure) {
        transaction = null;
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            // no transaction left to roll back (SQLite rolled it back itself); keep the first failure
            failure.addSuppressed(e);
        }
    }

    /**
     * Runs one of the writer's own statements (BEGIN, ROLLBACK, COMMIT), prepared once: they run for every batch, and preparing them anew was a tenth of the writer's time. Only the writer thread
     * uses them; they are closed when it stops.
     */
    private void execute(String sql) throws SQLException {
        PreparedStatement s = control.get(sql);
        if (s == null) {
            s = connection.prepareStatement(sql);
            control.put(sql, s);
        }
        s.execute();
    }

    private void closeControl() {
        for (PreparedStatement s : control.values()) {
            try {
                s.close();
            } catch (SQLException e) {
                LOG.debug("Closing a statement of the writer failed: {}", e.toString());
            }
        }
        control.clear();
    }

    /** Commits what is queued, stops the thread and fails what comes later; the caller closes the connection. */
    @Override
    public void close() {
        synchronized (gate) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
