package org.khidmat.api.store;

import org.khidmat.api.platform.Applications;

import java.time.Duration;
import java.util.List;

/**
 * What the open figures need of the applications filed in a period, read by {@link ApplicationStore#figureFacts} from
 * sums the store keeps per day as applications are filed, moved and rated, so a year costs about 365 rows per
 * service whatever the number of applications. Which states are final, and how many days a fee tier promises, are
 * the descriptor's to say, so the figures decide those with the descriptor version of each row.
 *
 * @param groups the applications counted per service, descriptor version, fee tier and rated service
 * @param times the first moves (after filing) into each state, counted per service, descriptor version, fee tier,
 *        state and span of time after filing
 */
public record FigureFacts(List<Group> groups, List<Times> times) {

    /** Copies the lists, which must not be {@code null}. */
    public FigureFacts {
        groups = List.copyOf(groups);
        times = List.copyOf(times);
    }

    /**
     * Applications of one service, descriptor version and fee tier, rated (with ratings naming one service) or not.
     *
     * @param serviceId the service applied for
     * @param descriptorVersion the descriptor version filed under
     * @param tier the fee tier id, or {@code null}
     * @param ratedServiceId the service their ratings name, or {@code null} for the applications not rated
     * @param applications how many applications
     * @param ratings how many of them are rated: {@code applications}, or 0 when {@code ratedServiceId} is {@code null}
     * @param stars the sum of their ratings' stars
     */
    public record Group(String serviceId, int descriptorVersion, String tier, String ratedServiceId, int applications,
            int ratings, long stars) {
    }

    /**
     * How many applications of one service, descriptor version and fee tier first moved into one state within a span
     * of time after their filing: more than {@code above} and at most {@code upTo}, or exactly that when they are
     * equal.
     * Spans are at most 2% of their start wide (a minute below five hours), and every whole number of days is the end
     * of one, so "within n days" is exact and the middle of a span is within 1% (or 30 seconds) of any time in it.
     *
     * @param serviceId the service applied for
     * @param descriptorVersion the descriptor version filed under
     * @param tier the fee tier id, or {@code null}
     * @param state the state first moved into
     * @param above the span's start, exclusive
     * @param upTo the span's end, inclusive
     * @param moves how many applications
     */
    public record Times(String serviceId, int descriptorVersion, String tier, String state, Duration above,
            Duration upTo, int moves) {
    }
}
