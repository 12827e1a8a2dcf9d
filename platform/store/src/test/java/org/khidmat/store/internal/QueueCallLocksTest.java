package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.QueueToken;

/**
 * What a call at a counter holds while its transaction is open, on PostgreSQL (SQLite writes one transaction at a time
 * by design): two nodes over one database; node 1's call is held open inside a write of the test's, and node 2 calls
 * meanwhile at another centre and at the same one.
 */
class QueueCallLocksTest extends TwoNodesHeldOpen {
    @Test
    void aCallHeldOpenStopsNoCallAtAnotherCentreNorAnotherCounterOfItsOwn() throws Exception {
        open();
        SqlQueueStore nodeOne = new SqlQueueStore(one);
        SqlQueueStore nodeTwo = new SqlQueueStore(two);
        for (String centre : List.of("isb-g11", "lhr-01")) {
            nodeTwo.take(centre, DAY, "dgip.passport", "passport", null, null, T);
            nodeTwo.take(centre, DAY, "dgip.passport", "passport", null, null, T.plusSeconds(1));
        }

        CountDownLatch called = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Optional<QueueToken>> held = pool.submit(() -> one.write("a call held open", c -> {
            Optional<QueueToken> t = nodeOne.callNext("isb-g11", DAY, List.of(), 1, T);
            called.countDown();
            await(release);
            return t;
        }));
        assertTrue(called.await(30, TimeUnit.SECONDS), "node 1 called its token");
        try {
            Optional<QueueToken> lahore = CompletableFuture.supplyAsync(() -> nodeTwo.callNext("lhr-01", DAY, List.of(), 1,
                    T)).get(10, TimeUnit.SECONDS);
            assertEquals("A-001", lahore.orElseThrow().number(), "a call at another centre while node 1's is open");
            Optional<QueueToken> counterTwo = CompletableFuture.supplyAsync(() -> nodeTwo.callNext("isb-g11", DAY,
                    List.of(), 2, T)).get(10, TimeUnit.SECONDS);
            assertEquals("A-002", counterTwo.orElseThrow().number(),
                    "another counter of the same centre calls the next token, not node 1's, and does not wait for it");
            release.countDown();
            assertEquals("A-001", held.get(30, TimeUnit.SECONDS).orElseThrow().number());
        } finally {
            release.countDown();
        }
        assertEquals(Optional.empty(), nodeTwo.callNext("isb-g11", DAY, List.of(), 3, T), "both tokens are called");
        assertEquals(1, nodeTwo.token(held.get().orElseThrow().id()).orElseThrow().counter(), "node 1's call committed");
    }
}
