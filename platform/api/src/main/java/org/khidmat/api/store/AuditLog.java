package org.khidmat.api.store;

import org.khidmat.api.platform.StoreException;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Append-only record of what happened in the centre, each entry chained to the one before by an HMAC-SHA256 keyed
 * with a secret kept outside the database. Changes to the centre's data are audited through the store methods that
 * take an {@link AuditNote}, which write the change and its entry in one transaction; {@link #append} is for events
 * that change no stored data (a login, a refused bundle).
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
     * @return the stored entry; a new log's first entry has seq 1, and every entry the next seq after the one before,
     *         also when several nodes append at once
     * @throws NullPointerException when actor or action is {@code null}; nothing is appended then
     * @throws StoreException when it cannot be stored
     */
    AuditEntry append(String actor, String action, String subject, String detail);

    /**
     * A search costs the same whatever the size of the log: text is looked for among the newest entries (at least the
     * newest 30,000; a store may look further), and an entry whose subject is the text whole (a reference, an
     * account), as typed or in capitals, is found at any age.
     *
     * @param text text to look for anywhere in actor, action, subject or detail, ignoring the case of ASCII letters;
     *        every character stands for itself ({@code %}, {@code _} and {@code \} are no wildcards or escapes);
     *        {@code null} or empty for all
     * @param limit the most entries to return; 0 or less gives none
     * @return matching entries, newest first
     */
    List<AuditEntry> search(String text, int limit);

    /**
     * One kind of event, read through an index whatever the size of the log (a search for text reads every entry
     * when few match): the deploy history is {@code actions("bundle.", n)}.
     *
     * @param prefix the start of the actions to return, compared character for character (case included); empty
     *        for all
     * @param limit the most entries to return; 0 or less gives none
     * @return the entries whose action begins with {@code prefix}, newest first
     * @throws NullPointerException when prefix is {@code null}
     * @since 1.3
     */
    List<AuditEntry> actions(String prefix, int limit);

    /**
     * Checks the chain from the first entry (entries from before the chain was keyed by their plain SHA-256 up to
     * the signed anchor, later ones by their HMAC), and that every stored application has its
     * {@code application.submit} entry.
     *
     * @return whether the log is intact, the first broken entry if not, and any application lacking its entry
     */
    AuditCheck verify();

    /**
     * Checks only the entries from {@code seq} on, cheaply enough to run every few minutes: each one's keyed hash,
     * that they follow each other without a gap, and that the first chains onto entry {@code seq - 1}, which must
     * still be there. Entries before it are taken as checked before (an edit of one is found by {@link #verify()},
     * which the centre runs at start and daily); applications lacking their submit entry are not looked for.
     *
     * @param seq the first entry to check; 1 or less (or an entry of the plain chain before the key) checks the whole
     *        log as {@link #verify()} does
     * @return whether the checked entries hold; {@link AuditCheck#entries()} is how many were checked, so the last
     *         checked entry is {@code seq + entries - 1}
     * @throws StoreException when the log cannot be read
     */
    AuditCheck verifyFrom(long seq);
}
