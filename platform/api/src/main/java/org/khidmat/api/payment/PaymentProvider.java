package org.khidmat.api.payment;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way to pay: register an implementation as an OSGi service with the property {@link #PROVIDER_ID}, a short
 * lowercase id such as {@code simpay.wallet}. The centre calls {@link #start} at most once per application, so a
 * provider never sees the same application twice; it calls {@link #confirm} to learn whether a started payment
 * has been paid, as often as it likes.
 */
@ConsumerType
public interface PaymentProvider {

    /** Service property naming the provider, unique in the centre. */
    String PROVIDER_ID = "khidmat.payment.provider";

    /**
     * Starts collecting a payment.
     *
     * @param reference the application reference, for example {@code KM7Q-4XPA-K}
     * @param amount whole rupees, more than 0
     * @param description what the citizen pays for, to show on the provider's page or challan
     * @return the provider's answer; never {@code null}
     * @throws RuntimeException when the provider cannot take the payment now; nothing was charged
     */
    Charge start(String reference, long amount, String description);

    /**
     * Asks whether a started payment has been paid (and for a challan, records the bank's confirmation).
     * Calling it again for a paid payment answers {@link Charge.Status#PAID} again and charges nothing.
     *
     * @param providerReference what {@link #start} returned in {@link Charge#providerReference()}
     * @return the provider's answer; never {@code null}
     * @throws RuntimeException when the provider cannot answer now
     */
    Charge confirm(String providerReference);
}
