package org.khidmat.api.platform;

import java.time.Instant;

/**
 * One move in an application's history.
 *
 * @param reference the application
 * @param at when
 * @param actor who moved it ({@code citizen} for the submission)
 * @param from the state before, or {@code null} for the submission
 * @param to the state after
 * @param note what the actor wrote, or {@code null}
 */
public record StatusChange(String reference, Instant at, String actor, String from, String to, String note) {
}
