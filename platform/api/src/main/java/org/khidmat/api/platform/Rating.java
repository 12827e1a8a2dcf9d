package org.khidmat.api.platform;

import java.time.Instant;

/**
 * A citizen's rating of a finished application. It carries no personal data.
 *
 * @param reference the application
 * @param serviceId its service
 * @param agency its agency code
 * @param stars 1 to 5
 * @param comment what the citizen wrote, or {@code null}
 * @param at when
 */
public record Rating(String reference, String serviceId, String agency, int stars, String comment, Instant at) {
}
