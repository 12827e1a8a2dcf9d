package org.khidmat.api.platform;

import java.time.Instant;

/**
 * The one payment of an application.
 *
 * @param reference the application
 * @param serviceId its service
 * @param agency its agency code
 * @param tier the fee tier paid for
 * @param amount whole rupees, from the tier of the descriptor the application was filed under
 * @param provider the payment provider id
 * @param providerReference the provider's id for it: a transaction or challan number
 * @param instructions what the citizen does next, or {@code null}
 * @param state {@link #PENDING} or {@link #PAID}
 * @param startedAt when it was started
 * @param paidAt when it was paid, or {@code null}
 * @param receiptNumber the receipt number once paid, or {@code null}
 */
public record Payment(String reference, String serviceId, String agency, String tier, long amount, String provider,
        String providerReference, String instructions, String state, Instant startedAt, Instant paidAt,
        String receiptNumber) {

    /** Started, not paid yet. */
    public static final String PENDING = "pending";
    /** Paid; final. */
    public static final String PAID = "paid";

    /** @return whether it is paid */
    public boolean paid() {
        return PAID.equals(state);
    }

    /** @return the receipt, when paid */
    public java.util.Optional<Receipt> receipt() {
        return paid() ? java.util.Optional.of(new Receipt(receiptNumber, reference, serviceId, agency, tier, amount,
                paidAt, provider)) : java.util.Optional.empty();
    }
}
