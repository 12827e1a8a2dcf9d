package org.khidmat.api.platform;

import java.time.Duration;

/**
 * Open figures for one service, or for one agency as a whole ({@code serviceId} {@code null}). No personal data.
 *
 * @param agency the agency code
 * @param serviceId the service, or {@code null} for the agency's row
 * @param applications applications filed in the period
 * @param perDay applications per day over the period
 * @param finished those of them that reached a terminal state
 * @param medianProcessing median time from submission to terminal state of the finished ones, or {@code null}
 * @param p90Processing 90th percentile of the same, or {@code null}
 * @param withinPromise share (0 to 1) of the finished ones done within their fee tier's promised days, or
 *        {@code null} when none finished
 * @param medianQueueWait median wait from taking a token to being called, for called tokens, or {@code null}
 * @param averageRating mean stars of its ratings, or {@code null} when none
 * @param ratings how many ratings
 * @param appointments appointments for days in the period (cancelled ones not counted)
 * @param noShows those of them that were missed: no check-in, or too late
 */
public record FigureRow(String agency, String serviceId, int applications, double perDay, int finished,
        Duration medianProcessing, Duration p90Processing, Double withinPromise, Duration medianQueueWait,
        Double averageRating, int ratings, int appointments, int noShows) {
}
