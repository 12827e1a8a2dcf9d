package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The database the stores work on, whichever engine holds it: SQLite ({@link SqliteDatabase}, one writer thread
 * committing in groups) or PostgreSQL ({@link PostgresDatabase}, a pool; each write one transaction, filings in groups). Registered as
 * a service inside this bundle by {@link DatabaseComponent}; every store component takes it. Every
 * {@link SQLException} leaves as a {@code StoreException} that says what was being done, never the SQL or its values.
 */
public interface Database extends AutoCloseable {
    /** How long one read may run, unless it says otherwise: a public request must not hold a connection for long. */
    Duration READ_LIMIT = Duration.ofSeconds(5);

    /** Work done with a connection: a writer's inside a transaction, a reader's inside a read transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** @return what differs in this engine's SQL */
    Dialect dialect();

    /** @return the database in words for log lines and messages, without a password ("data/khidmat.db") */
    String describe();

    /**
     * Runs a read in one read transaction (one snapshot), cut after {@link #READ_LIMIT}.
     *
     * @param what what is being done, for the error message ("read the audit log")
     */
    default <T> T read(String what, Work<T> work) {
        return read(what, READ_LIMIT, work);
    }

    /**
     * Runs a read with a time limit of its own.
     *
     * @param limit how long its statements may run; {@code null} for none (the audit check, an export)
     */
    <T> T read(String what, Duration limit, Work<T> work);

    /**
     * Runs work in a transaction, committed before this returns, rolled back when it throws. A write started from
     * inside a write on the same thread joins its transaction. The work may run more than once (SQLite: another write
     * of its group failed; PostgreSQL: a deadlock), each time in a new transaction: it must be a function of the
     * database, not of what an earlier run of it left in memory.
     *
     * @param what what is being done, for the error message ("store application KM7Q-4XPA-K")
     */
    <T> T write(String what, Work<T> work);

    /**
     * Runs a write that, like a filing, appends to the audit chain and waits for its head's lock anyway: as
     * {@link #write}, but the engine may run it in one transaction with others of its kind waiting, committed once
     * (PostgreSQL: {@link PostgresGroupWriter}; SQLite groups every write already). It returns only once that commit
     * returned; it fails alone when its work throws. Its work must not catch an {@link SQLException} and go on (on
     * PostgreSQL the transaction is aborted by then).
     */
    default <T> T writeInGroup(String what, Work<T> work) {
        return write(what, work);
    }

    /**
     * Runs a task once the current write has committed (dropped when it rolls back); for what must not be said
     * before the data is on disk, such as publishing the audit chain's head. Call from inside {@link #write}.
     */
    void afterCommit(Runnable task);

    /**
     * @return whether this engine tells listeners of publications as they commit (PostgreSQL's {@code NOTIFY}), so a
     *     poller may poll slowly, as a safety net only; {@code false} on SQLite, where polling is the way
     */
    default boolean notifies() {
        return false;
    }

    /**
     * Calls {@code wake}, on a thread of the database, soon after each commit that notified {@code channel}
     * ({@link Dialect#notify}), and whenever a notification may have been missed (the first LISTEN, a reconnection):
     * the listener then reads what changed. Only where {@link #notifies()}.
     *
     * @param channel a lower-case identifier such as {@code khidmat_signal}
     * @param wake quick; hand the reading to another thread
     * @return closing it stops the calls
     * @throws UnsupportedOperationException on an engine that does not notify
     */
    default AutoCloseable listen(String channel, Runnable wake) {
        throw new UnsupportedOperationException(describe() + " does not notify; poll it");
    }

    /**
     * @return an object that stands for the write transaction open on the calling thread, the same for every write
     *     of it and new for the next, so that what one write read (the audit chain's head) serves the next of the
     *     same transaction; {@code null} when unknown (outside a write, or an engine that does not say), and then
     *     nothing is carried over
     */
    default Object transaction() {
        return null;
    }

    /**
     * Told on the writing thread right before it takes the audit head's lock ({@link AuditChain}): what its write
     * does before it (a filing's inserts) is done; PostgreSQL's group writer starts the next group then.
     */
    default void beforeAuditHeadLock() {
    }

    /** Times every read and write from now on with {@code t}; {@link StoreTimer#NONE} stops timing. */
    void timeWith(StoreTimer t);

    /** Finishes or fails what is under way, then closes every connection. */
    @Override
    void close();
}
