package org.khidmat.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log. A final class with a factory rather than a record, so it can grow a field in a minor
 * version.
 */
public final class AuditEntry {
    private final long seq;
    private final Instant at;
    private final String actor;
    private final String action;
    private final String subject;
    private final String detail;
    private final String hash;

    private AuditEntry(long seq, Instant at, String actor, String action, String subject, String detail, String hash) {
        this.seq = seq;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.subject = subject;
        this.detail = detail;
        this.hash = hash;
    }

    /**
     * @param seq position in the log, from 1
     * @param at when it happened
     * @param actor who did it ({@code system} for the centre itself)
     * @param action what kind of thing happened, for example {@code bundle.deploy}
     * @param subject what it happened to, for example a bundle symbolic name or a service id; may be {@code null}
     * @param detail the outcome in words; may be {@code null}
     * @param hash HMAC-SHA256 (hex; plain SHA-256 for entries written before the chain was keyed) over the previous
     *        entry's hash and this entry's fields
     * @return the entry
     */
    public static AuditEntry of(long seq, Instant at, String actor, String action, String subject, String detail,
            String hash) {
        return new AuditEntry(seq, at, actor, action, subject, detail, hash);
    }

    /** @return position in the log, from 1 */
    public long seq() {
        return seq;
    }

    /** @return when it happened */
    public Instant at() {
        return at;
    }

    /** @return who did it */
    public String actor() {
        return actor;
    }

    /** @return what kind of thing happened */
    public String action() {
        return action;
    }

    /** @return what it happened to; may be {@code null} */
    public String subject() {
        return subject;
    }

    /** @return the outcome in words; may be {@code null} */
    public String detail() {
        return detail;
    }

    /** @return the entry's hash (hex) */
    public String hash() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditEntry e && seq == e.seq && Objects.equals(at, e.at) && Objects.equals(actor, e.actor)
                && Objects.equals(action, e.action) && Objects.equals(subject, e.subject) && Objects.equals(detail, e.detail)
                && Objects.equals(hash, e.hash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seq, at, actor, action, subject, detail, hash);
    }

    @Override
    public String toString() {
        return "AuditEntry[" + seq + " " + at + " " + action + " " + subject + " by " + actor + "]";
    }
}
