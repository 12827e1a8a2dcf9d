package org.khidmat.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.khidmat.testkit.store.Samples.T;
import static org.khidmat.testkit.store.Samples.ref;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.Payment;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.store.PaymentStore;

/** {@link PaymentStore}: one payment per application, also when started at once on two nodes; paid once. */
public abstract class PaymentStoreContract extends StoreContract {

    private static Payment pending(String reference, String providerReference, Instant at) {
        return new Payment(reference, "nadra.cnic-renewal", "nadra", "normal", 750, "simpay.wallet", providerReference,
                "Pay from your wallet", Payment.PENDING, at, null, null);
    }

    private static AuditNote start(String reference) {
        return AuditNote.of("citizen", "payment.start", reference, null);
    }

    private static AuditNote paid(String reference) {
        return AuditNote.of("simpay.wallet", "payment.paid", reference, null);
    }

    @Test
    public void aPaymentIsStoredOnceAndTheApplicationShowsItPending() {
        filed(ref(1), T);
        Payment first = pending(ref(1), "TXN-1", T);

        PaymentStore.Added added = stores.payments().add(first, start(ref(1)));
        PaymentStore.Added again = stores.payments().add(pending(ref(1), "TXN-2", T.plusSeconds(30)), start(ref(1)));

        assertTrue(added.added());
        assertEquals(first, added.payment());
        assertFalse(again.added(), "the application has one already");
        assertEquals(first, again.payment(), "the first is kept and given back");
        assertEquals(Optional.of(first), stores.payments().payment(ref(1)));
        assertEquals(first, stores.payments().addIfAbsent(pending(ref(1), "TXN-3", T.plusSeconds(60))));
        assertEquals(Payment.PENDING, stores.applications().find(ref(1)).orElseThrow().paymentState());
        assertEquals(1, audited("payment.start").size(), "audited when stored, not when refused");
    }

    @Test
    public void ofPaymentsStartedAtOnceOnTwoNodesExactlyOneIsAdded() {
        filed(ref(1), T);

        List<PaymentStore.Added> results = Together.run(8, stores, (t, node) ->
                node.payments().add(pending(ref(1), "TXN-" + t, T.plusMillis(t)), start(ref(1))));

        assertEquals(1, results.stream().filter(PaymentStore.Added::added).count(), "exactly one added");
        Payment stored = stores.payments().payment(ref(1)).orElseThrow();
        assertTrue(results.stream().allMatch(r -> r.payment().equals(stored)), "everyone is told the one stored");
        assertEquals(1, audited("payment.start").size());
    }

    @Test
    public void aPaymentIsMarkedPaidOnceAndCountedOnce() {
        filed(ref(1), T);
        filed(ref(2), T);
        stores.payments().add(pending(ref(1), "TXN-1", T));
        Instant when = T.plusSeconds(600);

        assertTrue(stores.payments().markPaid(ref(1), when, "RCPT-0001", paid(ref(1))));
        assertFalse(stores.payments().markPaid(ref(1), when.plusSeconds(5), "RCPT-0002", paid(ref(1))), "paid already");
        assertFalse(stores.payments().markPaid(ref(2), when, "RCPT-0003", paid(ref(2))), "no payment started");
        assertFalse(stores.payments().markPaid(ref(9), when, "RCPT-0004", paid(ref(9))), "no such application");

        Payment p = stores.payments().payment(ref(1)).orElseThrow();
        assertTrue(p.paid());
        assertEquals(when, p.paidAt());
        assertEquals("RCPT-0001", p.receiptNumber());
        assertEquals("TXN-1", p.providerReference());
        assertEquals(Payment.PAID, stores.applications().find(ref(1)).orElseThrow().paymentState());
        assertEquals(List.of(p), stores.payments().paidBetween(T, when.plusSeconds(1)));
        assertEquals(1, audited("payment.paid").size(), "one entry, for the one marking made");
    }

    @Test
    public void ofOneProviderCallbackDeliveredAtOnceOnTwoNodesExactlyOneMarksThePayment() {
        filed(ref(1), T);
        stores.payments().add(pending(ref(1), "TXN-1", T));

        List<Boolean> marked = Together.run(8, stores, (t, node) ->
                node.payments().markPaid(ref(1), T.plusSeconds(600 + t), "RCPT-000" + t, paid(ref(1))));

        assertEquals(1, marked.stream().filter(b -> b).count(), "exactly one marks it: " + marked);
        assertEquals(1, stores.payments().paidBetween(T, T.plusSeconds(3600)).size(), "counted once");
        assertEquals(1, audited("payment.paid").size());
    }

    @Test
    public void paidBetweenIsOldestFirstFromInclusiveToExclusive() {
        for (int i = 1; i <= 4; i++) {
            filed(ref(i), T);
            stores.payments().add(pending(ref(i), "TXN-" + i, T));
        }
        stores.payments().markPaid(ref(3), T.plusSeconds(10), "R3");
        stores.payments().markPaid(ref(1), T.plusSeconds(20), "R1");
        stores.payments().markPaid(ref(4), T.plusSeconds(30), "R4");

        assertEquals(List.of(ref(3), ref(1)), refs(stores.payments().paidBetween(T.plusSeconds(10), T.plusSeconds(30))));
        assertEquals(List.of(ref(3), ref(1), ref(4)), refs(stores.payments().paidBetween(T, T.plusSeconds(31))));
        assertEquals(List.of(), stores.payments().paidBetween(T, T.plusSeconds(10)));
    }

    @Test
    public void aPaymentForAnApplicationTheStoreDoesNotHaveStoresNothing() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> stores.payments().add(pending(ref(9), "TXN-9", T), start(ref(9))));

        assertRefusal(e);
        assertEquals(Optional.empty(), stores.payments().payment(ref(9)));
        assertEquals(0, audited("payment.start").size());
    }

    private static List<String> refs(List<Payment> payments) {
        return payments.stream().map(Payment::reference).toList();
    }
}
