package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setup of the lock tests of the queue: two nodes over one PostgreSQL database, a pool to hold one node's
 * transaction open on, and a wait on a latch that fails the test rather than hanging it.
 */
abstract class TwoNodesHeldOpen {
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final Instant T = Instant.parse("2026-03-02T05:00:00Z");

    @TempDir
    Path dir;
    Database one;
    Database two;
    final ExecutorService pool = Executors.newFixedThreadPool(2);

    /** Opens both nodes over the one database (each test calls it first). */
    void open() {
        one = Engine.POSTGRESQL.open(dir);
        two = Engine.POSTGRESQL.open(dir);
    }

    @AfterEach
    void closeBothNodes() {
        pool.shutdownNow();
        if (two != null) {
            two.close();
        }
        if (one != null) {
            one.close();
        }
    }

    /** Waits for the test to release a held transaction (30 s at most, then the held side fails). */
    static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
