package org.khidmat.api.platform;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param seq position in the log, from 1
 * @param at when it happened
 * @param actor who did it ({@code system} for the centre itself)
 * @param action what kind of thing happened, for example {@code bundle.deploy}
 * @param subject what it happened to, for example a bundle symbolic name or a service id
 * @param detail the outcome in words
 * @param hash HMAC-SHA256 (hex; plain SHA-256 for entries written before the chain was keyed) over the previous
 *        entry's hash and this entry's fields
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String subject, String detail,
        String hash) {
}
