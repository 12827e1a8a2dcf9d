package org.khidmat.api.store;

import java.util.List;
import java.util.Objects;

/**
 * The result of checking the audit log: its keyed hash chain, and that every stored application has its
 * {@code application.submit} entry. A final class with factories rather than a record, so it can grow a field in a
 * minor version (a record's constructor would change).
 */
public final class AuditCheck {
    private final boolean intact;
    private final long entries;
    private final long firstBroken;
    private final String message;
    private final List<String> unaudited;

    private AuditCheck(boolean intact, long entries, long firstBroken, String message, List<String> unaudited) {
        this.intact = intact;
        this.entries = entries;
        this.firstBroken = firstBroken;
        this.message = message;
        this.unaudited = unaudited == null ? List.of() : List.copyOf(unaudited);
    }

    /**
     * @param intact whether every entry's hash matches its content and its predecessor, and no application lacks
     *        its submit entry
     * @param entries how many entries were checked
     * @param firstBroken the seq of the first entry that does not match (for a deleted entry: the one after the
     *        gap), or 0 when the chain holds
     * @param message a sentence for the admin
     * @param unaudited references of stored applications that have no {@code application.submit} entry (at most a
     *        few; the message gives the count); {@code null} or empty when there are none
     * @return the result
     */
    public static AuditCheck of(boolean intact, long entries, long firstBroken, String message,
            List<String> unaudited) {
        return new AuditCheck(intact, entries, firstBroken, message, unaudited);
    }

    /** @return a result with no unaudited applications; arguments as {@link #of(boolean, long, long, String, List)} */
    public static AuditCheck of(boolean intact, long entries, long firstBroken, String message) {
        return new AuditCheck(intact, entries, firstBroken, message, List.of());
    }

    /** @return whether the chain holds and no application lacks its submit entry */
    public boolean intact() {
        return intact;
    }

    /** @return how many entries were checked */
    public long entries() {
        return entries;
    }

    /** @return the seq of the first entry that does not match, or 0 */
    public long firstBroken() {
        return firstBroken;
    }

    /** @return a sentence for the admin */
    public String message() {
        return message;
    }

    /** @return references of applications without their submit entry; never {@code null} */
    public List<String> unaudited() {
        return unaudited;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditCheck c && intact == c.intact && entries == c.entries
                && firstBroken == c.firstBroken && Objects.equals(message, c.message) && unaudited.equals(c.unaudited);
    }

    @Override
    public int hashCode() {
        return Objects.hash(intact, entries, firstBroken, message, unaudited);
    }

    @Override
    public String toString() {
        return "AuditCheck[intact=" + intact + ", entries=" + entries + ", firstBroken=" + firstBroken + ", message="
                + message + ", unaudited=" + unaudited + "]";
    }
}
