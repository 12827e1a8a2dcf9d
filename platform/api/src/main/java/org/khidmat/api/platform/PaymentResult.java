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
        /**
         * From {@code start}: started by this request and waiting for the money; follow the instructions. From
         * {@code confirm}: still waiting for the money.
         */
        PENDING,
        /**
         * From {@code start}: a payment was started before (perhaps by a request at the same moment) and is still
         * waiting for the money; nothing new was started or charged, and this is that payment, with the same
         * challan or transaction number.
         */
        ALREADY_PENDING,
        /** Paid now (from {@code start}: started and paid by this request); the receipt is ready. */
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
