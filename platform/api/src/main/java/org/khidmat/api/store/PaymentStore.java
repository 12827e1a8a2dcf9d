package org.khidmat.api.store;

import org.khidmat.api.platform.Payment;
import org.khidmat.api.platform.StoreException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Durable payments, one per application. A method that returns has committed its change. */
@ProviderType
public interface PaymentStore {

    /**
     * Stores a new pending payment unless the application has one, and marks the application's payment state. The
     * look for an existing payment and the insert are one transaction, so of two callers at once for the same
     * application exactly one is told {@link Added#added()}.
     *
     * @param payment the payment, in state {@code pending}
     * @return the payment stored for that application (this one, or the one that was there first) and which it is
     * @throws StoreException when it cannot be stored, for example for an application the store does not have;
     *         nothing is stored then
     */
    Added add(Payment payment);

    /**
     * Like {@link #add(Payment)}, and writes the audit entry in the same transaction when this call stores the
     * payment (not when the application had one already).
     *
     * @param payment the payment, in state {@code pending}
     * @param audit the audit entry of the start, normally {@code payment.start}
     * @return the payment stored for that application and which it is
     * @throws StoreException when it cannot be stored; nothing is stored then
     * @since 1.4
     */
    Added add(Payment payment, AuditNote audit);

    /**
     * Stores a new pending payment unless the application has one; {@link #add} also tells which happened.
     *
     * @param payment the payment, in state {@code pending}
     * @return the payment stored for that application: this one, or the one that was there first
     * @throws StoreException when it cannot be stored
     */
    default Payment addIfAbsent(Payment payment) {
        return add(payment).payment();
    }

    /**
     * Marks a pending payment paid, and the application's payment state with it.
     *
     * @param reference the application
     * @param paidAt when
     * @param receiptNumber the receipt number
     * @return {@code false} when there is no pending payment for it (unknown, or paid already); of callers marking it
     *         at once (a provider's callback delivered twice, to two nodes), exactly one is told {@code true}
     * @throws StoreException when it cannot be stored
     */
    boolean markPaid(String reference, Instant paidAt, String receiptNumber);

    /**
     * Like {@link #markPaid(String, Instant, String)}, and writes the audit entry in the same transaction when the
     * payment is marked.
     *
     * @param reference the application
     * @param paidAt when
     * @param receiptNumber the receipt number
     * @param audit the audit entry, normally {@code payment.paid}
     * @return {@code false} when there is no pending payment for it; nothing is written then
     * @throws StoreException when it cannot be stored; nothing is stored then
     * @since 1.4
     */
    boolean markPaid(String reference, Instant paidAt, String receiptNumber, AuditNote audit);

    /** @return the application's payment, if any */
    Optional<Payment> payment(String reference);

    /**
     * @param from the earliest payment time, inclusive
     * @param to the latest, exclusive
     * @return payments paid in that time, oldest first
     */
    List<Payment> paidBetween(Instant from, Instant to);

    /**
     * @param centre the centre the payments were taken at, or {@code null} for every centre
     * @param from the earliest payment time, inclusive
     * @param to the latest, exclusive
     * @return payments paid in that time, oldest first
     * @since 1.1
     */
    default List<Payment> paidBetween(String centre, Instant from, Instant to) {
        return paidBetween(from, to);
    }

    /**
     * What {@link #add} did.
     *
     * @param payment the payment stored for the application now
     * @param added {@code true} when it is the payment given to {@link #add}, stored by that call; {@code false} when
     *        the application had a payment already, which is left as it was
     */
    record Added(Payment payment, boolean added) {
    }
}
