package org.khidmat.api.payment;

/**
 * A provider's answer about one payment.
 *
 * @param providerReference the provider's own id for it: a transaction id or a challan number
 * @param status where the payment stands
 * @param instructions what the citizen does next: a redirect URL, or "pay challan 123 at any branch"; in both
 *     languages as a JSON object {@code {"en": "...", "ur": "..."}} when the provider can (the centre shows the
 *     citizen's language); {@code null} when nothing is left to do
 */
public record Charge(String providerReference, Status status, String instructions) {

    /** Where a payment stands at the provider. */
    public enum Status {
        /** Started, money not received yet. */
        PENDING,
        /** Money received. */
        PAID,
        /** Refused or abandoned; nothing was taken. */
        FAILED
    }
}
