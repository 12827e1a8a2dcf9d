package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.Counter;
import org.khidmat.api.platform.Payment;
import org.khidmat.api.store.PaymentStore;
import org.khidmat.api.platform.QueueToken;
import org.khidmat.api.platform.Rating;
import org.khidmat.api.platform.StatusChange;

/** Payments, queue tokens, counters and ratings against a real SQLite file (schema version 3). */
@ParameterizedClass
@EnumSource(Engine.class)
class CentreStoresTest {
    @Parameter
    Engine engine;

    private static final Instant T = Instant.parse("2026-03-02T05:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path dir;
    private Database db;
    private SqlApplicationStore apps;

    @BeforeEach
    void open() {
        db = engine.open(dir);
        apps = new SqlApplicationStore(db, TestChain.of(db));
        for (String ref : List.of("KM7Q-4XPA-K", "AB23-CD45-E")) {
            apps.create(new ApplicationRecord(ref, "nadra.cnic", 1, "nadra", "3520212345671", "normal", Map.of(),
                    "submitted", "none", T, T), new StatusChange(ref, T, "citizen", null, "submitted", null));
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Payment pending(String ref, String providerRef) {
        return new Payment(ref, "nadra.cnic", "nadra", "normal", 750, "simpay.wallet", providerRef, null,
                Payment.PENDING, T, null, null);
    }

    @Test
    void onePaymentPerApplicationAndPaidOnce() {
        SqlPaymentStore store = new SqlPaymentStore(db, TestChain.of(db));
        assertEquals("W-1", store.addIfAbsent(pending("KM7Q-4XPA-K", "W-1")).providerReference());
        assertEquals("W-1", store.addIfAbsent(pending("KM7Q-4XPA-K", "W-2")).providerReference(), "first one wins");
        assertEquals("pending", apps.find("KM7Q-4XPA-K").orElseThrow().paymentState());

        assertTrue(store.markPaid("KM7Q-4XPA-K", T.plusSeconds(60), "KR-20260302-KM7Q4XPAK"));
        assertFalse(store.markPaid("KM7Q-4XPA-K", T.plusSeconds(120), "other"), "paid once");
        Payment p = store.payment("KM7Q-4XPA-K").orElseThrow();
        assertTrue(p.paid());
        assertEquals(T.plusSeconds(60), p.paidAt());
        assertEquals("KR-20260302-KM7Q4XPAK", p.receipt().orElseThrow().receiptNumber());
        assertEquals("paid", apps.find("KM7Q-4XPA-K").orElseThrow().paymentState());
        assertFalse(store.markPaid("AB23-CD45-E", T, "x"), "nothing pending");

        assertEquals(List.of(p), store.paidBetween(T, T.plusSeconds(61)));
        assertEquals(List.of(), store.paidBetween(T, T.plusSeconds(60)), "end is exclusive");
    }

    @Test
    void addTellsWhetherItStoredThePayment() {
        SqlPaymentStore store = new SqlPaymentStore(db, TestChain.of(db));
        PaymentStore.Added first = store.add(pending("KM7Q-4XPA-K", "C-1"));
        assertTrue(first.added());
        assertEquals("C-1", first.payment().providerReference());
        PaymentStore.Added second = store.add(pending("KM7Q-4XPA-K", "C-2"));
        assertFalse(second.added(), "the application had a payment");
        assertEquals(first.payment(), second.payment(), "the first one, unchanged");
    }

    /**
     * Two connections to the same file add a payment for the same application at the same moment, twenty times over:
     * each time exactly one is told it stored its payment, and both are answered with that one.
     */
    @Test
    void ofTwoConnectionsAddingAtOnceExactlyOneStores() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Database other = engine.open(dir)) {
            List<SqlPaymentStore> stores = List.of(new SqlPaymentStore(db, TestChain.of(db)), new SqlPaymentStore(other, TestChain.of(other)));
            for (int round = 0; round < 20; round++) {
                String ref = "RACE-" + round;
                apps.create(new ApplicationRecord(ref, "nadra.cnic", 1, "nadra", "3520212345671", "normal", Map.of(),
                        "submitted", "due", T, T), new StatusChange(ref, T, "citizen", null, "submitted", null));
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<PaymentStore.Added>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    SqlPaymentStore store = stores.get(i);
                    String challan = "C-" + round + "-" + i;
                    results.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return store.add(pending(ref, challan));
                    }));
                }
                PaymentStore.Added a = results.get(0).get(30, TimeUnit.SECONDS);
                PaymentStore.Added b = results.get(1).get(30, TimeUnit.SECONDS);
                assertTrue(a.added() ^ b.added(), "round " + round + ": exactly one stored, not " + a.added() + "/" + b.added());
                assertEquals(a.payment(), b.payment(), "round " + round + ": both answered with the same payment");
                assertEquals(a.payment(), stores.get(0).payment(ref).orElseThrow());
                assertEquals("pending", apps.find(ref).orElseThrow().paymentState());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tokensGetALetterPerCategoryAndANumberPerDay() {
        SqlQueueStore q = new SqlQueueStore(db);
        assertEquals("A-001", q.take(DAY, "nadra.cnic", "identity", null, null, T).number());
        assertEquals("B-001", q.take(DAY, "ictpolice.cert", "police", "KM7Q-4XPA-K", null, T.plusSeconds(1)).number());
        assertEquals("A-002", q.take(DAY, "nadra.frc", "identity", null, null, T.plusSeconds(2)).number());
        assertEquals("A-001", q.take(DAY.plusDays(1), "nadra.cnic", "identity", null, null, T.plusSeconds(86400)).number(),
                "numbers start again each day, letters stay");
        assertEquals(3, q.tokens(DAY, DAY).size());
    }

    @Test
    void aCounterCallsTheOldestWaitingTokenItServes() {
        SqlQueueStore q = new SqlQueueStore(db);
        QueueToken a1 = q.take(DAY, "nadra.cnic", "identity", null, null, T);
        QueueToken b1 = q.take(DAY, "ictpolice.cert", "police", null, null, T.plusSeconds(1));
        QueueToken a2 = q.take(DAY, "nadra.frc", "identity", null, null, T.plusSeconds(2));

        QueueToken called = q.callNext(DAY, List.of("police"), 3, T.plusSeconds(10)).orElseThrow();
        assertEquals(b1.id(), called.id());
        assertEquals(QueueToken.CALLED, called.state());
        assertEquals(3, called.counter());
        assertTrue(q.callNext(DAY, List.of("police"), 3, T.plusSeconds(11)).isEmpty());
        assertEquals(a1.id(), q.callNext(DAY, List.of(), 1, T.plusSeconds(12)).orElseThrow().id());
        assertEquals(a2.id(), q.callNext(DAY, List.of("identity", "police"), 2, T.plusSeconds(13)).orElseThrow().id());

        QueueToken served = q.finish(b1.id(), QueueToken.SERVED, T.plusSeconds(300)).orElseThrow();
        assertEquals(T.plusSeconds(300), served.finishedAt());
        assertTrue(q.finish(b1.id(), QueueToken.NO_SHOW, T.plusSeconds(301)).isEmpty(), "finished once");
        assertEquals(QueueToken.NO_SHOW, q.finish(a1.id(), QueueToken.NO_SHOW, T.plusSeconds(400)).orElseThrow().state());
        assertEquals(List.of(served), q.recentlyServed("ictpolice.cert", 10));
    }

    @Test
    void sixCountersServingEverythingByDefaultAndChangeable() {
        SqlQueueStore q = new SqlQueueStore(db);
        assertEquals(6, q.counters().size());
        assertTrue(q.counters().stream().allMatch(c -> c.open() && c.categories().isEmpty()));
        q.saveCounter(new Counter(2, List.of("identity", "passports"), false));
        q.saveCounter(new Counter(7, List.of("police"), true));
        assertEquals(new Counter(2, List.of("identity", "passports"), false), q.counters().get(1));
        assertEquals(7, q.counters().size());
    }

    @Test
    void oneRatingPerApplication() {
        SqlRatingStore r = new SqlRatingStore(db, TestChain.of(db));
        Rating first = new Rating("KM7Q-4XPA-K", "nadra.cnic", "nadra", 4, "quick", T);
        assertTrue(r.addIfAbsent(first));
        assertFalse(r.addIfAbsent(new Rating("KM7Q-4XPA-K", "nadra.cnic", "nadra", 1, "again", T)));
        assertEquals(first, r.rating("KM7Q-4XPA-K").orElseThrow());
        assertTrue(r.addIfAbsent(new Rating("AB23-CD45-E", "nadra.cnic", "nadra", 5, null, T.plusSeconds(1))));
        assertEquals(2, r.ratings().size());
        assertNull(r.ratings().get(1).comment());
    }
}
