package org.khidmat.web.internal.citizen;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.khidmat.api.platform.StoreException;
import org.khidmat.api.store.DraftStore;
import org.khidmat.api.store.StoredDraft;

/**
 * A database of drafts for the web's tests: what one {@link Drafts} writes, another over the same instance reads, as
 * two nodes over one database. Counts reads and writes; {@link #failWrites} makes every write fail as a database that
 * is down would. The limits are the real store's business (tested in platform/store), not this fake's.
 */
final class MemoryDraftStore implements DraftStore {
    private record Row(StoredDraft draft, Instant touched, Instant claimedUntil) {
    }

    private final Map<String, Row> rows = new ConcurrentHashMap<>();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger writes = new AtomicInteger();
    volatile boolean failWrites;

    private void write() {
        writes.incrementAndGet();
        if (failWrites) {
            throw new StoreException("could not save a citizen's draft", null);
        }
    }

    @Override
    public void open(String id, String address, StoredDraft draft, Instant now) {
        write();
        rows.put(id, new Row(draft, now, Instant.EPOCH));
    }

    @Override
    public Optional<StoredDraft> find(String id, Instant now) {
        reads.incrementAndGet();
        Row r = rows.get(id);
        return r == null || r.touched().plus(IDLE).isBefore(now) ? Optional.empty()
                : Optional.of(r.draft().withTouched(r.touched()));
    }

    @Override
    public boolean save(String id, StoredDraft draft, Instant now) {
        write();
        if (draft.chars() > DRAFT_CHARS) {
            throw new IllegalArgumentException("too large");
        }
        return rows.computeIfPresent(id, (k, r) -> new Row(draft, now, Instant.EPOCH)) != null;
    }

    @Override
    public boolean touch(String id, Instant now) {
        write();
        return rows.computeIfPresent(id, (k, r) -> new Row(r.draft(), now, r.claimedUntil())) != null;
    }

    @Override
    public boolean claim(String id, Instant now, Instant until) {
        write();
        boolean[] won = {false};
        rows.computeIfPresent(id, (k, r) -> {
            if (r.claimedUntil().isAfter(now)) {
                return r;
            }
            won[0] = true;
            return new Row(r.draft(), r.touched(), until);
        });
        return won[0];
    }

    /** Moves a draft's last use back by {@code by}, as if that time had passed. */
    void age(String id, java.time.Duration by) {
        rows.computeIfPresent(id, (k, r) -> new Row(r.draft(), r.touched().minus(by), r.claimedUntil()));
    }

    @Override
    public int count() {
        return rows.size();
    }
}
