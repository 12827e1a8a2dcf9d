package org.khidmat.api.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Citizens' unfinished forms (drafts), shared by every node over one database, so a balancer need not keep a citizen
 * on one node and a node's restart loses no half-filled form. A draft is named by the random id its cookie carries;
 * the store keeps only the SHA-256 of that id, and keeps the draft's content encrypted (AES-GCM) under a key derived
 * from the id, so a copy of the database alone neither finds nor reads a draft (the answers may hold a CNIC).
 *
 * <p>Limits, kept in the database whatever node writes: a draft holds at most {@link #DRAFT_CHARS} characters of
 * answers; one client address holds at most {@link #PER_ADDRESS} drafts (a new one beyond that replaces the
 * address's own oldest, never another address's); only when all drafts together number {@link #MOST} or hold
 * {@link #BUDGET_CHARS} characters does the oldest draft of the address holding the most give way. A draft not
 * written or touched for {@link #IDLE} is gone. Each method is one transaction; a failure is a
 * {@link org.khidmat.api.platform.StoreException} whose message names no answer and no id.
 *
 * @since 1.2
 */
@ProviderType
public interface DraftStore {
    /** Drafts one client address may hold. */
    int PER_ADDRESS = 20;
    /** Drafts all addresses together may hold. */
    int MOST = 20_000;
    /** Characters of answers (names and values) one draft may hold: a long form's worth. */
    int DRAFT_CHARS = 32 * 1024;
    /** Characters of answers all drafts together may hold. */
    long BUDGET_CHARS = 64L * 1024 * 1024;
    /** How long a draft lives without a write or a touch. */
    Duration IDLE = Duration.ofHours(2);

    /**
     * Stores a new draft, first making room for it as the limits above say (and removing some drafts idle past
     * {@link #IDLE}, a bounded number a call).
     *
     * @param id the random id the draft's cookie carries (at least 16 characters); never stored
     * @param address the client's address, counted against {@link #PER_ADDRESS} (stored as its SHA-256)
     * @param draft its content
     * @param now the time of the request
     * @throws IllegalArgumentException when the answers exceed {@link #DRAFT_CHARS} or the id is too short
     */
    void open(String id, String address, StoredDraft draft, Instant now);

    /**
     * @param id the id the draft's cookie carries
     * @param now the time of the request: a draft idle past {@link #IDLE} is not found
     * @return the draft with the time it was last written or touched ({@link StoredDraft#touched()}), or nothing
     */
    Optional<StoredDraft> find(String id, Instant now);

    /**
     * Replaces a draft's content and ends any claim on it ({@link #claim}).
     *
     * @return whether the draft was still there (not expired or given way)
     * @throws IllegalArgumentException when the answers exceed {@link #DRAFT_CHARS}
     */
    boolean save(String id, StoredDraft draft, Instant now);

    /**
     * Marks a draft as still in use, without changing it.
     *
     * @return whether the draft was still there
     */
    boolean touch(String id, Instant now);

    /**
     * Claims a draft for filing: of two requests filing one draft at once (a double click sent to two nodes), one
     * gets the claim. The claim ends with the next {@link #save} or at {@code until}.
     *
     * @return whether this call holds the claim (false: another holds it, or the draft is gone)
     */
    boolean claim(String id, Instant now, Instant until);

    /** @return how many drafts are stored, expired ones not yet removed included */
    int count();
}
