package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Every group of a node's {@link PostgresGroupWriter} held by a write that waits, so that the writes filed meanwhile
 * queue; released so that they make one group: the first held group is let go, the first write queued leads the
 * next group and takes all the others queued, then the other held groups are let go.
 */
final class HeldGroups {
    private final PostgresDatabase db;
    private final List<CountDownLatch> releases = new ArrayList<>();
    private final List<Future<?>> blockers = new ArrayList<>();

    /** The work each held group runs, on its connection, once released. */
    @FunctionalInterface
    interface Then {
        void run(java.sql.Connection c, int group) throws java.sql.SQLException;
    }

    private HeldGroups(PostgresDatabase db) {
        this.db = db;
    }

    static HeldGroups hold(PostgresDatabase db, ExecutorService pool) throws InterruptedException {
        return hold(db, pool, (c, group) -> { });
    }

    static HeldGroups hold(PostgresDatabase db, ExecutorService pool, Then then) throws InterruptedException {
        HeldGroups held = new HeldGroups(db);
        CountDownLatch started = new CountDownLatch(PostgresGroupWriter.GROUPS);
        for (int g = 0; g < PostgresGroupWriter.GROUPS; g++) {
            int group = g;
            CountDownLatch release = new CountDownLatch(1);
            held.releases.add(release);
            held.blockers.add(pool.submit(() -> db.writeInGroup("hold a group", c -> {
                started.countDown();
                try {
                    assertTrue(release.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                then.run(c, group);
                return null;
            })));
        }
        assertTrue(started.await(30, TimeUnit.SECONDS), "the writer's groups were not all held");
        return held;
    }

    /** Lets the held groups go, so that the writes queued make one group; returns once the held ones are committed. */
    void release() throws Exception {
        releases.get(0).countDown();
        blockers.get(0).get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (db.groups().queued() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertEquals(0, db.groups().queued(), "the next group took every write queued");
        releases.forEach(CountDownLatch::countDown);
        for (Future<?> blocker : blockers) {
            blocker.get(30, TimeUnit.SECONDS);
        }
    }
}
