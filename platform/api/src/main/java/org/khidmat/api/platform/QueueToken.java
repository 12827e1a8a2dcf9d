package org.khidmat.api.platform;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A numbered token in the hall's queue.
 *
 * @param id the store's id for it
 * @param day the day it is valid, in the centre's time zone
 * @param number what the citizen sees, a letter per category and a number per day: {@code B-017}
 * @param serviceId the service it is for
 * @param category that service's category, which decides the counters that call it
 * @param reference an application reference it belongs to, or {@code null}
 * @param state {@link #WAITING}, {@link #CALLED}, {@link #SERVED} or {@link #NO_SHOW}
 * @param counter the counter that called it, or 0
 * @param takenAt when it was taken
 * @param calledAt when it was called, or {@code null}
 * @param finishedAt when it was served or given up, or {@code null}
 * @param appointment the appointment code it was given for at check-in, or {@code null} for a walk-in; such
 *        tokens are called before walk-in tokens
 */
public record QueueToken(long id, LocalDate day, String number, String serviceId, String category, String reference,
        String state, int counter, Instant takenAt, Instant calledAt, Instant finishedAt, String appointment) {

    /** Waiting to be called. */
    public static final String WAITING = "waiting";
    /** Called to a counter. */
    public static final String CALLED = "called";
    /** Served; final. */
    public static final String SERVED = "served";
    /** Called and did not come; final. */
    public static final String NO_SHOW = "no-show";
}
