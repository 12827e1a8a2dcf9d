package org.khidmat.core.internal.centre;

import org.khidmat.core.internal.SharedMemory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.khidmat.api.descriptor.FeeTier;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.payment.Charge;
import org.khidmat.api.payment.PaymentProvider;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.platform.DailyCollection;
import org.khidmat.api.platform.Payment;
import org.khidmat.api.platform.PaymentResult;
import org.khidmat.api.platform.PaymentResult.Outcome;
import org.khidmat.api.store.PaymentStore;

class PaymentDeskTest {
    private static final Instant NOW = Instant.parse("2026-03-02T05:00:00Z");
    private final ServiceDescriptor police = Fakes.police();
    private final Fakes.Apps apps = new Fakes.Apps()
            .add(Fakes.app(police, "KM7Q-4XPA-K", NOW))
            .add(Fakes.app(police, "AB23-CD45-E", NOW));
    private final Fakes.Audit audit = new Fakes.Audit();
    private final Fakes.Payments store = new Fakes.Payments(audit);
    private final SharedMemory shared = new SharedMemory(Clock.fixed(NOW, ZoneOffset.UTC));
    private final PaymentDesk desk = new PaymentDesk(apps, store, audit, Clock.fixed(NOW, ZoneOffset.UTC), shared.leases(), () -> "node-a");
    private final Provider wallet = new Provider(true);
    private final Provider challan = new Provider(false);

    PaymentDeskTest() {
        desk.addProvider(wallet, Map.of(PaymentProvider.PROVIDER_ID, "test.wallet"));
        desk.addProvider(challan, Map.of(PaymentProvider.PROVIDER_ID, "test.challan"));
    }

    /** Pays at once, or (a challan) when confirmed; counts what it is asked to charge. */
    static final class Provider implements PaymentProvider {
        final boolean instant;
        final AtomicInteger starts = new AtomicInteger();
        final List<Long> amounts = new ArrayList<>();

        Provider(boolean instant) {
            this.instant = instant;
        }

        @Override
        public Charge start(String reference, long amount, String description) {
            int n = starts.incrementAndGet();
            synchronized (amounts) {
                amounts.add(amount);
            }
            return new Charge("P-" + n, instant ? Charge.Status.PAID : Charge.Status.PENDING,
                    instant ? null : "pay challan P-" + n + " at any bank branch");
        }

        @Override
        public Charge confirm(String providerReference) {
            return new Charge(providerReference, Charge.Status.PAID, null);
        }
    }

    @Test
    void payingTwiceChargesOnce() {
        PaymentResult first = desk.start("KM7Q-4XPA-K", "test.wallet", "citizen");
        assertEquals(Outcome.PAID, first.outcome(), first.message());
        assertEquals(500, first.payment().amount(), "the fee of the descriptor's tier");
        assertEquals("KR-20260302-KM7Q4XPAK", first.payment().receiptNumber());

        PaymentResult again = desk.start("KM7Q-4XPA-K", "test.wallet", "citizen");
        assertEquals(Outcome.ALREADY_PAID, again.outcome());
        assertEquals(Outcome.ALREADY_PAID, desk.start("KM7Q-4XPA-K", "test.challan", "citizen").outcome());
        PaymentResult confirmed = desk.confirm("KM7Q-4XPA-K", "citizen");
        assertEquals(Outcome.ALREADY_PAID, confirmed.outcome());
        assertEquals(first.payment().receipt(), confirmed.payment().receipt(), "the same receipt");
        assertEquals(1, wallet.starts.get());
        assertEquals(0, challan.starts.get());
        assertEquals(1, audit.count("payment.paid"));
        assertEquals(List.of(500L), wallet.amounts);
    }

    @Test
    void aChallanIsPaidWhenConfirmedAndOnlyOnce() {
        PaymentResult started = desk.start("KM7Q-4XPA-K", "test.challan", "operator");
        assertEquals(Outcome.PENDING, started.outcome());
        assertEquals("pay challan P-1 at any bank branch", started.message());
        PaymentResult again = desk.start("KM7Q-4XPA-K", "test.challan", "operator");
        assertEquals(Outcome.ALREADY_PENDING, again.outcome(), "a second start does not claim to be a new one");
        assertEquals(started.payment(), again.payment(), "the same challan");
        assertTrue(again.message().contains("pay challan P-1"), again.message());
        assertEquals(1, challan.starts.get(), "a second start does not start a second challan");

        PaymentResult paid = desk.confirm("KM7Q-4XPA-K", "bank");
        assertEquals(Outcome.PAID, paid.outcome());
        assertEquals(Payment.PAID, paid.payment().state());
        assertEquals(NOW, paid.payment().paidAt());
        PaymentResult twice = desk.confirm("KM7Q-4XPA-K", "bank");
        assertEquals(Outcome.ALREADY_PAID, twice.outcome());
        assertEquals(paid.payment(), twice.payment());
        assertEquals(1, audit.count("payment.start"));
        assertEquals(1, audit.count("payment.paid"));
    }

    @Test
    void concurrentStartsChargeOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<PaymentResult>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> desk.start("KM7Q-4XPA-K", "test.wallet", "citizen")));
            }
            int paid = 0;
            for (Future<PaymentResult> f : results) {
                Outcome o = f.get().outcome();
                assertTrue(o == Outcome.PAID || o == Outcome.ALREADY_PAID, o.toString());
                paid += o == Outcome.PAID ? 1 : 0;
            }
            assertEquals(1, paid);
            assertEquals(1, wallet.starts.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentStartsOnTwoNodesAskTheProviderOnce() throws Exception {
        PaymentDesk nodeB = new PaymentDesk(apps, store, audit, Clock.fixed(NOW, ZoneOffset.UTC), shared.leases(),
                () -> "node-b");
        nodeB.addProvider(challan, Map.of(PaymentProvider.PROVIDER_ID, "test.challan"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<PaymentResult>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                PaymentDesk node = i % 2 == 0 ? desk : nodeB;
                results.add(pool.submit(() -> node.start("KM7Q-4XPA-K", "test.challan", "citizen")));
            }
            int startedNow = 0;
            for (Future<PaymentResult> f : results) {
                PaymentResult r = f.get();
                startedNow += r.outcome() == Outcome.PENDING ? 1 : 0;
                assertEquals("P-1", r.payment().providerReference(), "every node tells the same challan");
            }
            assertEquals(1, startedNow);
            assertEquals(1, challan.starts.get(), "the provider was asked once, whichever node took the request");
            assertEquals(1, audit.count("payment.start"));
            assertEquals(0, audit.count("payment.fail"), "no second charge had to be thrown away");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ofConcurrentChallanStartsExactlyOneStartsIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CyclicBarrier together = new CyclicBarrier(8);
            List<Future<PaymentResult>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return desk.start("KM7Q-4XPA-K", "test.challan", "citizen");
                }));
            }
            int startedNow = 0;
            for (Future<PaymentResult> f : results) {
                PaymentResult r = f.get();
                assertTrue(r.outcome() == Outcome.PENDING || r.outcome() == Outcome.ALREADY_PENDING, r.outcome().toString());
                startedNow += r.outcome() == Outcome.PENDING ? 1 : 0;
                assertEquals("P-1", r.payment().providerReference(), "everyone is told the same challan");
            }
            assertEquals(1, startedNow);
            assertEquals(1, challan.starts.get());
            assertEquals(1, audit.count("payment.start"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPaymentStoredElsewhereMeanwhileIsTheAnswerAndNotClaimedAsNew() {
        Payment elsewhere = new Payment("KM7Q-4XPA-K", "police.cert", "police", "normal", 500, "test.challan", "OTHER-9",
                "pay challan OTHER-9 at any bank branch", Payment.PENDING, NOW, null, null);
        PaymentStore raced = new PaymentStore() {
            @Override
            public Added add(Payment payment) {
                store.rows.putIfAbsent(elsewhere.reference(), elsewhere); // another desk on the same database won
                return store.add(payment);
            }

            @Override
            public Added add(Payment payment, AuditNote note) {
                store.rows.putIfAbsent(elsewhere.reference(), elsewhere); // another desk on the same database won
                return store.add(payment, note);
            }

            @Override
            public boolean markPaid(String reference, Instant paidAt, String receiptNumber) {
                return store.markPaid(reference, paidAt, receiptNumber);
            }

            @Override
            public boolean markPaid(String reference, Instant paidAt, String receiptNumber, AuditNote note) {
                return store.markPaid(reference, paidAt, receiptNumber, note);
            }

            @Override
            public Optional<Payment> payment(String reference) {
                return store.payment(reference);
            }

            @Override
            public List<Payment> paidBetween(Instant from, Instant to) {
                return store.paidBetween(from, to);
            }
        };
        PaymentDesk other = new PaymentDesk(apps, raced, audit, Clock.fixed(NOW, ZoneOffset.UTC), new SharedMemory(Clock.systemUTC()).leases(), () -> "node-b");
        other.addProvider(challan, Map.of(PaymentProvider.PROVIDER_ID, "test.challan"));

        PaymentResult r = other.start("KM7Q-4XPA-K", "test.challan", "citizen");
        assertEquals(Outcome.ALREADY_PENDING, r.outcome());
        assertEquals(elsewhere, r.payment(), "the payment that was stored first");
        assertEquals(elsewhere, store.rows.get("KM7Q-4XPA-K"), "left as it was");
        assertEquals(0, audit.count("payment.start"));
    }

    @Test
    void refusalsChargeNothing() {
        assertEquals(Outcome.UNKNOWN_APPLICATION, desk.start("ZZZZ-ZZZZ-Z", "test.wallet", "c").outcome());
        assertEquals(Outcome.NOT_POSSIBLE, desk.start("KM7Q-4XPA-K", "nobody", "c").outcome());
        assertEquals(Outcome.NOT_POSSIBLE, desk.confirm("KM7Q-4XPA-K", "c").outcome(), "nothing started");
        desk.addProvider(new PaymentProvider() {
            @Override
            public Charge start(String reference, long amount, String description) {
                throw new IllegalStateException("gateway down");
            }

            @Override
            public Charge confirm(String providerReference) {
                throw new IllegalStateException("gateway down");
            }
        }, Map.of(PaymentProvider.PROVIDER_ID, "test.down"));
        assertEquals(Outcome.PROVIDER_FAILED, desk.start("KM7Q-4XPA-K", "test.down", "c").outcome());
        assertTrue(store.rows.isEmpty());

        ServiceDescriptor free = new ServiceDescriptor("police.free", 1, police.agency(), police.category(),
                police.title(), police.summary(), null, List.of(), List.of(new FeeTier("normal", police.title(), 0, 1)),
                police.form(), police.workflow(), false, "free");
        apps.add(Fakes.app(free, "FR33-FR33-F", NOW));
        PaymentResult r = desk.start("FR33-FR33-F", "test.wallet", "c");
        assertEquals(Outcome.NOTHING_TO_PAY, r.outcome());
        assertNull(r.payment());
        assertEquals(0, wallet.starts.get());
    }

    @Test
    void reconciliationSumsPerAgencyPerDay() {
        desk.start("KM7Q-4XPA-K", "test.wallet", "c");
        desk.start("AB23-CD45-E", "test.wallet", "c");
        assertEquals(List.of(new DailyCollection("police", LocalDate.of(2026, 3, 2), 2, 1000)),
                desk.reconciliation(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2)));
        assertEquals(List.of(), desk.reconciliation(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 3)));
    }

    @Test
    void aPaymentIsReadByItsReferenceAsTypedWithoutOpeningTheApplicationAgain() {
        // the track page asks for the payment of the application it has just read: opening it again cost two reads
        Fakes.Apps valid = new Fakes.Apps().add(Fakes.app(police, "KM7Q-4XPA-N", NOW)).add(Fakes.app(police, "AB23-CD45-W", NOW));
        PaymentDesk d = new PaymentDesk(valid, store, audit, Clock.fixed(NOW, ZoneOffset.UTC), shared.leases(), () -> "node-a");
        d.addProvider(wallet, Map.of(PaymentProvider.PROVIDER_ID, "test.wallet"));
        assertEquals(Outcome.PAID, d.start("KM7Q-4XPA-N", "test.wallet", "citizen").outcome());
        valid.opened.set(0);
        assertEquals(Payment.PAID, d.payment("KM7Q-4XPA-N").orElseThrow().state());
        assertEquals(0, valid.opened.get(), "the payment is read alone");
        assertEquals(Payment.PAID, d.payment("km7q 4xpa-n").orElseThrow().state(), "the reference as typed");
        assertEquals(Optional.empty(), d.payment("AB23-CD45-W"), "no payment started");
        assertEquals(Optional.empty(), d.payment("KM7Q-4XPA-K"), "not a reference: its check character is wrong");
        assertEquals(0, valid.opened.get(), "the payment is read alone");
    }
}
