package org.khidmat.api.platform;

import java.time.Instant;
import java.util.Map;

/**
 * An application as stored.
 *
 * @param reference the citizen's reference, for example {@code KM7Q-4XPA-K}
 * @param serviceId the service applied for
 * @param descriptorVersion the descriptor version it was filed under
 * @param agency the agency code
 * @param cnic the applicant's CNIC, 13 digits; show it masked but to its owner and authorised staff
 * @param tier the fee tier id
 * @param answers the form answers exactly as submitted, in form order
 * @param status the current workflow state
 * @param paymentState {@code none} (nothing to pay), {@code due} (a fee, no payment started), {@code pending}
 *        (started, not paid) or {@code paid}
 * @param createdAt when it was filed
 * @param updatedAt when it last changed
 */
public record ApplicationRecord(String reference, String serviceId, int descriptorVersion, String agency, String cnic,
        String tier, Map<String, String> answers, String status, String paymentState, Instant createdAt,
        Instant updatedAt) {
}
