package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.QueueToken;
import org.khidmat.api.store.AuditEntry;
import org.khidmat.api.store.AuditNote;

/**
 * What a take holds while its transaction is open, on PostgreSQL (SQLite writes one transaction at a time by design):
 * two nodes over one database; node 1's take is held open after drawing its number (its audit note waits for the
 * test), and node 2 takes meanwhile.
 */
class QueueTakeLocksTest extends TwoNodesHeldOpen {
    @Test
    void aTakeHeldOpenStopsNoTakeOfAnotherLetterOrCentreAndTheSameLetterGetsTheNextNumber() throws Exception {
        open();
        AuditChain chain = SqlStoresUnderTest.chained(one, true);
        SqlQueueStore nodeOne = new SqlQueueStore(one, chain);
        SqlQueueStore nodeTwo = new SqlQueueStore(two, SqlStoresUnderTest.chained(two, false));
        nodeTwo.take("isb-g11", DAY, "dgip.passport", "passport", null, null, T); // letters A and B are given
        nodeTwo.take("isb-g11", DAY, "nadra.cnic", "identity", null, null, T);

        CountDownLatch numbered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<QueueToken> held = pool.submit(() -> nodeOne.take("isb-g11", DAY, "dgip.passport", "passport", null,
                null, T, t -> {
                    numbered.countDown();
                    await(release);
                    return AuditNote.of("citizen", "queue.take", t.number(), "held");
                }));
        assertTrue(numbered.await(30, TimeUnit.SECONDS), "node 1 drew its number");
        try {
            QueueToken other = CompletableFuture.supplyAsync(() -> nodeTwo.take("isb-g11", DAY, "nadra.cnic", "identity",
                    null, null, T, t -> AuditNote.of("citizen", "queue.take", t.number(), "other letter")))
                    .get(10, TimeUnit.SECONDS);
            assertEquals("B-002", other.number(), "another letter is taken while node 1's take is open");
            assertEquals("A-001", nodeTwo.take("lhr-01", DAY, "dgip.passport", "passport", null, null, T).number(),
                    "the same letter at another centre too");
            Future<QueueToken> same = pool.submit(() -> nodeTwo.take("isb-g11", DAY, "dgip.passport", "passport", null,
                    null, T));
            Thread.sleep(200);
            assertFalse(same.isDone(), "the same letter of the same centre waits for node 1's number");
            release.countDown();
            assertEquals("A-002", held.get(30, TimeUnit.SECONDS).number());
            assertEquals("A-003", same.get(30, TimeUnit.SECONDS).number(), "the next number, no gap, no repeat");
        } finally {
            release.countDown();
        }
        List<String> entries = new SqlAuditLog(one, chain).search("queue.take", 10).stream()
                .map(AuditEntry::subject).sorted().toList();
        assertEquals(List.of("A-002", "B-002"), entries, "each audited take wrote its entry with its token");
    }
}
