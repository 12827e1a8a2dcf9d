package org.khidmat.web.internal.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.khidmat.api.store.ThrottleCount;
import org.khidmat.api.store.Throttles;

/** Two throttles (two nodes) over one set of counters (one database): round-robin does not multiply the limit. */
class SharedLimitTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Counters db = new Counters();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T09:00:10Z"), ZoneOffset.UTC);

    /** The store's counters in memory: one atomic hit at a time, a counter past its expiry starting again. */
    static final class Counters implements Throttles {
        final Map<String, long[]> rows = new HashMap<>();

        int writes;

        @Override
        public synchronized long hit(String key, Instant at, Instant expires) {
            return hit(key, 1, at, expires);
        }

        @Override
        public synchronized long hit(String key, long hits, Instant at, Instant expires) {
            writes++;
            long[] r = rows.get(key);
            long n = r == null || r[1] < at.toEpochMilli() ? hits : r[0] + hits;
            rows.put(key, new long[] {n, expires.toEpochMilli()});
            return n;
        }

        @Override
        public synchronized Optional<ThrottleCount> count(String key, Instant now) {
            return Optional.empty();
        }

        @Override
        public synchronized void clear(String key) {
            rows.remove(key);
        }

        @Override
        public synchronized int forget(Instant now) {
            return 0;
        }
    }

    private FormThrottle node() {
        return new FormThrottle(null, 6, nanos::get, r -> false, new SharedLimit(() -> db, clock));
    }

    @Test
    void publicPostsSentRoundRobinToTwoNodesMeetOneLimit() {
        FormThrottle a = node();
        FormThrottle b = node();
        for (int i = 0; i < 6; i++) {
            assertEquals(0, (i % 2 == 0 ? a : b).wait("10.0.0.7", false), "request " + (i + 1));
        }
        long wait = a.wait("10.0.0.7", false);
        assertEquals(50, wait, "the 7th, on either node, waits for the next minute (10 s into this one)");
        assertTrue(b.wait("10.0.0.7", false) > 0, "node b, which saw only 3, refuses too");
        assertEquals(0, a.wait("10.0.0.8", false), "another address is not held back");
    }

    @Test
    void loginsSentRoundRobinMeetOneLimit() {
        FormThrottle a = node();
        FormThrottle b = node();
        int let = 0;
        for (int i = 0; i < 2 * FormThrottle.LOGIN_BURST; i++) {
            let += (i % 2 == 0 ? a : b).wait("10.0.0.9", true) == 0 ? 1 : 0;
        }
        assertTrue(let <= FormThrottle.LOGIN_BURST, "two nodes let no more logins through than one would: " + let);
        assertTrue(let >= FormThrottle.LOGIN_BURST - 2 * SharedLimit.share(FormThrottle.LOGIN_BURST),
                "at most a share per node unused: " + let);
    }

    @Test
    void aLargeLimitIsCountedInSharesNotAWriteARequestAndNeverExceededAcrossNodes() {
        SharedLimit a = new SharedLimit(() -> db, clock);
        SharedLimit b = new SharedLimit(() -> db, clock);
        int let = 0;
        for (int i = 0; i < 300; i++) {
            let += (i % 3 == 0 ? a : b).take("form-post:10.0.0.7", 200, java.time.Duration.ofMinutes(1)) == 0 ? 1 : 0;
        }
        assertTrue(let <= 200, "never more than the limit across both nodes: " + let);
        assertTrue(let >= 200 - 2 * SharedLimit.share(200), "at most a share per node left unused: " + let);
        assertTrue(db.writes <= 300 / SharedLimit.share(200) + 4, "a write per share, not per request: " + db.writes);
    }

    @Test
    void withoutTheStoreEachNodeKeepsItsOwnBuckets() {
        FormThrottle alone = new FormThrottle(null, 6, nanos::get, r -> false, new SharedLimit(() -> null, clock));
        for (int i = 0; i < 6; i++) {
            assertEquals(0, alone.wait("10.0.0.7", false));
        }
        assertEquals(10, alone.wait("10.0.0.7", false));
    }
}
