package org.khidmat.core.internal.centre;

import java.time.Duration;
import java.util.List;

/** Nearest-rank percentiles: the smallest value with at least p of the values at or below it. */
final class Stats {
    private Stats() {
    }

    /**
     * @param values at least one
     * @param p from 0 (exclusive) to 1
     * @return the value at rank ceil(p x n)
     */
    static Duration percentile(List<Duration> values, double p) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }

    /** @return the percentile, or {@code null} when there are no values */
    static Duration percentileOrNull(List<Duration> values, double p) {
        return values.isEmpty() ? null : percentile(values, p);
    }

    /** A value seen {@code count} times. */
    record Counted(Duration value, long count) {
    }

    /**
     * @param values values with how often each was seen, in any order
     * @return the value at rank ceil(p x n) where n is the sum of the counts, or {@code null} when it is 0
     */
    static Duration countedPercentileOrNull(List<Counted> values, double p) {
        long n = values.stream().mapToLong(Counted::count).sum();
        if (n == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p * n));
        long seen = 0;
        for (Counted c : values.stream().sorted(java.util.Comparator.comparing(Counted::value)).toList()) {
            seen += c.count();
            if (seen >= rank) {
                return c.value();
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + n);
    }
}
