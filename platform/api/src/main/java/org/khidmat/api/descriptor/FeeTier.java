package org.khidmat.api.descriptor;

/**
 * One speed and price at which a service is offered, for example normal, urgent or executive.
 *
 * @param id short id, unique within the service
 * @param title what the citizen sees
 * @param amount the fee in whole rupees (0 for a free service)
 * @param days the promised processing time in working days
 */
public record FeeTier(String id, Text title, long amount, int days) {
}
