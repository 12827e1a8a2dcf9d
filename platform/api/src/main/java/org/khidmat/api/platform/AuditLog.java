package org.khidmat.api.platform;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Append-only, hash-chained record of what happened in the centre.
 */
@ProviderType
public interface AuditLog {

    /**
     * Appends an entry, chained to the one before.
     *
     * @param actor who did it
     * @param action what kind of thing, for example {@code bundle.deploy}
     * @param subject what it concerns
     * @param detail the outcome in words; never a password, token or full CNIC
     * @return the stored entry
     * @throws StoreException when it cannot be stored
     */
    AuditEntry append(String actor, String action, String subject, String detail);

    /**
     * @param text words to look for in actor, action, subject and detail, or {@code null} for all
     * @param limit the most entries to return
     * @return matching entries, newest first
     */
    List<AuditEntry> search(String text, int limit);

    /** @return whether the chain is intact, and the first broken entry if not */
    AuditCheck verify();
}
