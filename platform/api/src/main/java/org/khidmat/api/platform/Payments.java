package org.khidmat.api.platform;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Cashless payment of applications' fees. An application has at most one payment, in state
 * {@code pending} then {@code paid}; asking again never charges again. Every change is written to the audit log.
 */
@ProviderType
public interface Payments {

    /** @return the ids of the payment providers available now, sorted */
    List<String> providers();

    /**
     * Starts paying an application's fee (the amount of its fee tier, in the descriptor it was filed under).
     * When the application already has a payment, nothing is started: the answer is that payment,
     * {@code ALREADY_PENDING} or {@code ALREADY_PAID}. Of any number of calls at once for one application, exactly
     * one answers {@code PENDING} or {@code PAID} (it started the payment); the others answer {@code ALREADY_*}
     * with the same payment.
     *
     * @param reference the application reference as typed
     * @param provider a provider id from {@link #providers()}
     * @param actor who asks, for the audit log
     * @return the outcome
     * @throws StoreException when the payment could not be stored
     */
    PaymentResult start(String reference, String provider, String actor);

    /**
     * Asks the provider whether a pending payment is paid, and if so marks it paid with a receipt. For a paid
     * payment this is a no-op answering {@code ALREADY_PAID} with the same receipt.
     *
     * @param reference the application reference as typed
     * @param actor who asks, for the audit log
     * @return the outcome
     * @throws StoreException when the payment could not be stored
     */
    PaymentResult confirm(String reference, String actor);

    /**
     * @param reference the application reference as typed
     * @return its payment, if one was started
     */
    Optional<Payment> payment(String reference);

    /**
     * Money collected per agency per day, for the days {@code from} to {@code to} inclusive.
     *
     * @param from the first day, in the centre's time zone
     * @param to the last day
     * @return one row per agency and day with payments, by day then agency
     */
    List<DailyCollection> reconciliation(LocalDate from, LocalDate to);

    /**
     * The daily collection of one centre (the payments taken at its nodes), or of every centre.
     *
     * @param centre a centre's id, or {@code null} for every centre
     * @param from the first day, in the centre's time zone
     * @param to the last day, inclusive
     * @return per day and agency, as {@link #reconciliation(LocalDate, LocalDate)}
     * @since 2.1
     */
    default List<DailyCollection> reconciliation(String centre, LocalDate from, LocalDate to) {
        return reconciliation(from, to);
    }
}
