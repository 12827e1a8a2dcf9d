package org.khidmat.api.store;

import java.time.Instant;

/**
 * A throttle counter as stored: how many hits its key had since it last started, and when the last one was. A final
 * class with a factory, so it can grow a field in a minor version.
 *
 * @since 1.1
 */
public final class ThrottleCount {
    private final long count;
    private final Instant last;

    private ThrottleCount(long count, Instant last) {
        this.count = count;
        this.last = last;
    }

    /**
     * @param count the hits counted
     * @param last when the last one was
     * @return the count
     */
    public static ThrottleCount of(long count, Instant last) {
        return new ThrottleCount(count, last);
    }

    /** @return the hits counted since the counter last started */
    public long count() {
        return count;
    }

    /** @return when the last hit was */
    public Instant last() {
        return last;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ThrottleCount t && count == t.count && last.equals(t.last);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(count) * 31 + last.hashCode();
    }

    @Override
    public String toString() {
        return count + " hits, last at " + last;
    }
}
