package org.khidmat.api.platform;

/**
 * What became of a request to start or confirm a payment.
 *
 * @param outcome what happened
 * @param payment the application's payment as it is now, or {@code null} when there is none
 * @param message a sentence for the citizen or operator
 */
public record PaymentResult(Outcome outcome, Payment payment, String message) {

    /** What became of a payment request. */
    public enum Outcome {
        /** Started and waiting for the money; follow the instructions. */
        PENDING,
        /** Paid now; the receipt is ready. */
        PAID,
        /** Paid before; nothing was charged again and the receipt is the same. */
        ALREADY_PAID,
        /** No application with that reference. */
        UNKNOWN_APPLICATION,
        /** The application's fee tier costs nothing. */
        NOTHING_TO_PAY,
        /** No payment provider with that id, or no payment started to confirm. */
        NOT_POSSIBLE,
        /** The provider refused or failed; nothing was charged. */
        PROVIDER_FAILED
    }
}
