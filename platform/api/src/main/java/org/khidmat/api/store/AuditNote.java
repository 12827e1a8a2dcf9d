package org.khidmat.api.store;

import java.util.Objects;

/**
 * An audit entry to be written together with the change it records: a store method that takes one writes the
 * change and this entry in one transaction, so the data and the audit log never disagree. The store gives it its
 * place in the chain (seq, time, hash) inside that transaction.
 */
public final class AuditNote {
    private final String actor;
    private final String action;
    private final String subject;
    private final String detail;

    private AuditNote(String actor, String action, String subject, String detail) {
        this.actor = Objects.requireNonNull(actor, "actor");
        this.action = Objects.requireNonNull(action, "action");
        this.subject = subject;
        this.detail = detail;
    }

    /**
     * @param actor who did it ({@code system} for the centre itself)
     * @param action what kind of thing, for example {@code application.submit}
     * @param subject what it concerns, for example a reference
     * @param detail the outcome in words; never a password, token or full CNIC
     * @return the note
     * @throws NullPointerException when actor or action is {@code null}
     */
    public static AuditNote of(String actor, String action, String subject, String detail) {
        return new AuditNote(actor, action, subject, detail);
    }

    /** @return who did it */
    public String actor() {
        return actor;
    }

    /** @return what kind of thing happened */
    public String action() {
        return action;
    }

    /** @return what it concerns, may be {@code null} */
    public String subject() {
        return subject;
    }

    /** @return the outcome in words, may be {@code null} */
    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return action + " " + subject + " by " + actor;
    }
}
