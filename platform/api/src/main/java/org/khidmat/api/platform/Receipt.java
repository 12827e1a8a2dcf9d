package org.khidmat.api.platform;

import java.time.Instant;

/**
 * Proof of a payment, tied to its application.
 *
 * @param receiptNumber the receipt number, unique in the centre
 * @param reference the application
 * @param serviceId the service
 * @param agency the agency code
 * @param tier the fee tier
 * @param amount whole rupees
 * @param paidAt when it was paid
 * @param provider the payment provider id
 */
public record Receipt(String receiptNumber, String reference, String serviceId, String agency, String tier,
        long amount, Instant paidAt, String provider) {
}
