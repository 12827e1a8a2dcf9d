package org.khidmat.api.platform;

/**
 * What became of a check-in at the kiosk.
 *
 * @param outcome checked in, or why not
 * @param appointment the appointment as it is now, or {@code null} when unknown
 * @param token the queue token given, when checked in (also when it was checked in before)
 * @param message a sentence for the citizen
 */
public record ArrivalResult(Outcome outcome, Appointment appointment, QueueToken token, String message) {

    /** What became of a check-in. */
    public enum Outcome {
        /** Checked in; the token is called before walk-in tokens of its services. */
        CHECKED_IN,
        /** Checked in before; the same token. */
        ALREADY_CHECKED_IN,
        /** Earlier than the rules allow; come back at the time in the message. */
        TOO_EARLY,
        /** Later than the rules allow: the appointment is cancelled; take a token or book again. */
        TOO_LATE,
        /** Not for today, cancelled, or missed. */
        NOT_VALID,
        /** No appointment with that code and CNIC. */
        UNKNOWN
    }
}
