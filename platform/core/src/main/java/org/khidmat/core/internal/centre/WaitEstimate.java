package org.khidmat.core.internal.centre;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The wait for a token taken now: the median service time of recently served tokens (or a default when none
 * are known yet), times the tokens ahead, divided by the open counters serving the category.
 */
final class WaitEstimate {
    /** Assumed service time before any token of the service has been served. */
    static final Duration DEFAULT_SERVICE = Duration.ofMinutes(5);

    private WaitEstimate() {
    }

    /**
     * @param serviceTimes durations of recently served tokens (called to finished), any order
     * @param ahead tokens waiting before this one
     * @param counters open counters serving its category
     * @return the estimate; empty when no counter serves it
     */
    static Optional<Duration> of(List<Duration> serviceTimes, int ahead, int counters) {
        if (counters <= 0) {
            return Optional.empty();
        }
        Duration each = serviceTimes.isEmpty() ? DEFAULT_SERVICE : Stats.percentile(serviceTimes, 0.5);
        return Optional.of(each.multipliedBy(ahead).dividedBy(counters));
    }
}
