package org.khidmat.api.platform;

import java.util.List;

/**
 * The result of checking the audit log: its keyed hash chain, and that every stored application has its
 * {@code application.submit} entry.
 *
 * @param intact whether every entry's hash matches its content and its predecessor, and no application lacks its
 *        submit entry
 * @param entries how many entries were checked
 * @param firstBroken the seq of the first entry that does not match (for a deleted entry: the one after the gap),
 *        or 0 when the chain holds
 * @param message a sentence for the admin
 * @param unaudited references of stored applications that have no {@code application.submit} entry (at most a
 *        few; the message gives the count); empty when there are none
 */
public record AuditCheck(boolean intact, long entries, long firstBroken, String message, List<String> unaudited) {

    /** Copies {@code unaudited}; {@code null} is empty. */
    public AuditCheck {
        unaudited = unaudited == null ? List.of() : List.copyOf(unaudited);
    }

    /**
     * A result with no unaudited applications (the form before {@code unaudited} was added).
     *
     * @param intact whether the chain holds
     * @param entries how many entries were checked
     * @param firstBroken the first broken entry, or 0
     * @param message a sentence for the admin
     */
    public AuditCheck(boolean intact, long entries, long firstBroken, String message) {
        this(intact, entries, firstBroken, message, List.of());
    }
}
