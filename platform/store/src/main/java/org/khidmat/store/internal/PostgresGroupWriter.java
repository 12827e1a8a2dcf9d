package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.khidmat.api.platform.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit on PostgreSQL for filings (they wait for the audit head's lock anyway): a caller of the node, the
 * leader, takes the writes waiting (up to {@link #BATCH}, its own first), runs them in one READ COMMITTED transaction
 * on one pooled connection, commits once, gives its turn to the next group ({@link GroupTurns}) and answers its
 * group; a lone filing runs on its caller's thread. The group's first write takes the head's lock and reads the
 * head, the others chain on from it ({@link Database#transaction()}): one lock, one head read, one WAL flush a group.
 * Writes of one kind ({@link GroupedWork}, the filings) run together, a statement per table for the group
 * ({@link FilingBatch}), so the round trips of a group do not grow with its size, above all while it holds the lock.
 * Up to {@link GroupTurns#GROUPS} groups are in flight at once: once a group asks for the head's lock, the next one
 * starts and sends its inserts while the one before it waits for its commit's flush, then waits for the head's lock
 * in the database, which orders the groups' entries.
 *
 * <p>A write that fails fails alone: PostgreSQL aborts the transaction at a failed statement, so the group is rolled
 * back and run again without it (writes refused together are run one at a time; a work is a function of the
 * database: {@link Database#write}). Failures are rare (a taken reference is none), so this is free in the common
 * case, where a SAVEPOINT a write costs two round trips. A deadlock runs the whole group again. A caller returns
 * only once the COMMIT holding its write returned; when the COMMIT fails (the connection was cut), every write of
 * the group fails and nothing of it is stored, and the group after it is not held back: it waits for the head's
 * lock, which the failed transaction gave up, and chains onto the head that is committed.
 */
final class PostgresGroupWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresGroupWriter.class);
    /** The most writes committed together. */
    static final int BATCH = 64;

    /** Where the writer's connection comes from: the pool, one per group. */
    @FunctionalInterface
    interface Connections {
        Connection get() throws SQLException;
    }

    private final Connections connections;
    private final ThreadLocal<PostgresDatabase.Transaction> current;
    private final String name;
    private final GroupTurns turns = new GroupTurns();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private volatile Consumer<Connection> beforeCommit = c -> { };
    private volatile java.util.function.UnaryOperator<Connection> watch = c -> c;

    /** @param current the database's write under way per thread, set here for each write of a group */
    PostgresGroupWriter(Connections connections, ThreadLocal<PostgresDatabase.Transaction> current, String name) {
        this.connections = connections;
        this.current = current;
        this.name = name;
    }

    /**
     * Runs the work in a group's transaction and returns once that is committed.
     *
     * @param began told when the work first started, for the store's timer
     */
    <T> T write(String what, Database.Work<T> work, java.util.function.LongConsumer began) {
        PendingWrite<T> pending = new PendingWrite<>(what, work);
        boolean lead = turns.enter(pending);
        try {
            if (lead || pending.turn.join()) {
                lead(pending);
            }
            return pending.done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new StoreException("could not " + what, e.getCause());
        } finally {
            began.accept(pending.began);
        }
    }

    /** For tests: runs on the group's connection right before each COMMIT; a task that throws fails the group. */
    void beforeCommit(Consumer<Connection> task) {
        beforeCommit = task;
    }

    /** For tests: each group's connection is handed to {@code wrap} and the group works on what it returns. */
    void watch(java.util.function.UnaryOperator<Connection> wrap) {
        watch = wrap;
    }

    /** @return how many writes wait for a group */
    int queued() {
        return turns.queued();
    }

    /** Told when the group this thread leads asks for the audit head's lock: the next group may start. */
    void pastInserts() {
        turns.pastInserts();
    }

    /** @return how many groups were committed */
    long commits() {
        return commits.get();
    }

    /** @return how many writes those groups stored */
    long stored() {
        return stored.get();
    }

    /**
     * Commits one group, its leader's write first, gives its turn on, then answers the group's callers. Another group
     * may be in flight meanwhile; the head's lock orders their entries, whichever takes it first, and a group chains
     * onto what the one before it committed, or onto the head before it when that one's commit failed.
     */
    private void lead(PendingWrite<?> leader) {
        List<PendingWrite<?>> batch = turns.begin(leader, BATCH);
        List<PendingWrite<?>> committed = List.of();
        try {
            committed = commit(batch);
        } catch (RuntimeException | Error e) {
            batch.forEach(p -> p.done.completeExceptionally(e)); // past every guard: answer them, let the next lead
        } finally {
            turns.end();
        }
        for (PendingWrite<?> p : committed) {
            p.afterCommit.forEach(PostgresGroupWriter::runQuietly);
            p.complete();
        }
    }

    /** @return the writes committed, to be answered; the others are failed already */
    private List<PendingWrite<?>> commit(List<PendingWrite<?>> batch) {
        List<PendingWrite<?>> left = new ArrayList<>(batch);
        Connection c;
        try {
            c = watch.apply(connections.get());
        } catch (SQLException | RuntimeException e) {
            failAll(left, e, "no connection to PostgreSQL at " + name + " (" + e.getMessage() + ")");
            return List.of();
        }
        boolean done = false;
        try (c) {
            done = commitOn(c, left);
        } catch (SQLException e) {
            LOG.debug("Handing the group's connection back failed: {}", e.toString()); // after its COMMIT or ROLLBACK
        }
        if (!done) {
            return List.of();
        }
        commits.incrementAndGet();
        stored.addAndGet(left.size());
        return left;
    }

    /** @return whether the writes still in {@code left} are committed; else each of them is failed */
    private boolean commitOn(Connection c, List<PendingWrite<?>> left) {
        GroupedWork.Together together = GroupTogether.of(left);
        for (int attempt = 1; ; attempt++) {
            try {
                if (together == null || !GroupTogether.run(c, together, left, current)) {
                    together = null; // refused together: one at a time from now on, so the one refused fails alone
                    PendingWrite<?> failed;
                    do {
                        failed = runAll(c, left);
                        if (failed != null) {
                            left.remove(failed);
                        }
                    } while (failed != null && !left.isEmpty());
                }
                if (left.isEmpty()) {
                    return false;
                }
                beforeCommit.accept(c);
                c.commit();
                return true;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c, e);
                if (PostgresDatabase.retriable(e) && attempt < PostgresDatabase.ATTEMPTS) {
                    LOG.debug("A group of {} writes met {}; running it again ({})", left.size(), e.toString(), attempt);
                    continue;
                }
                LOG.warn("A group commit of {} writes to {} failed; none of them is stored: {}", left.size(), name,
                        e.toString());
                failAll(left, e, "the transaction did not commit (" + e + "); nothing of it is stored");
                return false;
            }
        }
    }

    /**
     * Runs the writes in the connection's transaction, in order. When one throws, the transaction is rolled back
     * (with what the others did) and that write is failed and returned, for the caller to run the others without it.
     * A deadlock, a serialization failure or a connection that cannot roll back is thrown: it is no write's fault.
     *
     * @return the write that failed, the transaction rolled back; {@code null} when all ran, the transaction open
     */
    private PendingWrite<?> runAll(Connection c, List<PendingWrite<?>> writes) throws SQLException {
        Object group = new Object(); // a new transaction: what the last one read of the audit head no longer holds
        for (PendingWrite<?> p : writes) {
            p.afterCommit.clear();
            current.set(new PostgresDatabase.Transaction(c, p.afterCommit, group));
            try {
                p.run(c);
            } catch (SQLException | RuntimeException | Error e) {
                if (PostgresDatabase.retriable(e)) {
                    throw e;
                }
                c.rollback(); // a cut connection throws here, and the whole group fails
                writes.forEach(w -> w.afterCommit.clear());
                p.fail(e);
                return p;
            } finally {
                current.remove();
            }
        }
        return null;
    }

    private static void failAll(List<PendingWrite<?>> writes, Throwable e, String why) {
        writes.forEach(p -> p.done.completeExceptionally(new StoreException("could not " + p.what + ": " + why, e)));
    }

    private static void rollback(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void runQuietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("A task after a commit failed: {}", e.toString(), e);
        }
    }

    /** Fails what comes from now on; waits (30 s at most) for what is queued to commit. Call before the pool closes. */
    @Override
    public void close() {
        turns.close(30_000_000_000L);
    }
}
