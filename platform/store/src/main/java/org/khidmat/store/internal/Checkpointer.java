package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the WAL into the database file on a connection and thread of its own ({@code wal_checkpoint(PASSIVE)}
 * once {@link #AFTER_WRITES} writes were committed since the last one, or {@link #EVERY_MILLIS} ms after a write),
 * so the writer's commits do not stop for a checkpoint (SQLite's automatic one runs inside the COMMIT that crosses
 * its threshold: a stall for every caller of that group). A passive checkpoint waits for nobody and blocks nobody.
 * Durability does not depend on it: a commit is durable once the WAL is synced ({@code synchronous=FULL}); the
 * writer keeps SQLite's own checkpoint at {@link #BACKSTOP_PAGES} pages in case this one falls behind.
 */
final class Checkpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
    /**
     * Writes committed that call for a checkpoint. Fewer, larger checkpoints copy a hot page (an index's last leaf, the
     * audit head) once for many commits: 256 wrote about 38 KB to disk a filing, 2,048 about 34 KB, and filed 5-10%
     * more a second at 32 clients (the load benchmark, side by side). The WAL stays within tens of megabytes.
     */
    static final int AFTER_WRITES = 2_048;
    /** How long a few writes wait for their checkpoint. */
    static final long EVERY_MILLIS = 1_000;
    /**
     * The writer's automatic checkpoint, a backstop only (SQLite's default is 1,000 pages): well above what
     * {@link #AFTER_WRITES} lets the WAL reach, so it runs only when the background checkpoint falls behind.
     */
    static final int BACKSTOP_PAGES = 40_000;
    private final Connection connection;
    private final Thread thread;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong uncopied = new AtomicLong();
    private final java.util.concurrent.Semaphore due = new java.util.concurrent.Semaphore(0);
    private volatile boolean closed;

    Checkpointer(Connection connection, String name) {
        this.connection = connection;
        this.thread = new Thread(this::loop, "khidmat-store-checkpoint " + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** @return the WAL frames copied into the database file so far (for tests and metrics) */
    long framesCopied() {
        return frames.get();
    }

    /** Counts committed writes; wakes the checkpoint once they call for one. Never blocks (the writer calls it). */
    void committed(int writes) {
        long before = uncopied.getAndAdd(writes);
        if (before < AFTER_WRITES && before + writes >= AFTER_WRITES) {
            due.release();
        }
    }

    private void loop() {
        while (!closed) {
            try {
                due.tryAcquire(EVERY_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
                due.drainPermits();
                if (uncopied.getAndSet(0) > 0) {
                    checkpoint();
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                if (!closed) {
                    LOG.warn("A checkpoint of the database failed (the writer's own checkpoint remains): {}", e.toString());
                }
            }
        }
    }

    private void checkpoint() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet row = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            if (row.next()) {
                long copied = row.getLong(3);
                if (copied > 0) {
                    frames.addAndGet(copied);
                }
            }
        }
    }

    /** Stops the thread and closes its connection. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the checkpoint connection failed: {}", e.toString());
        }
    }
}
