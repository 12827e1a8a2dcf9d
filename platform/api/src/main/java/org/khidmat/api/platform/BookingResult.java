package org.khidmat.api.platform;

/**
 * What became of a booking.
 *
 * @param outcome booked, or why not
 * @param appointment the appointment when booked (or the one already held), else {@code null}
 * @param message a sentence for the citizen
 */
public record BookingResult(Outcome outcome, Appointment appointment, String message) {

    /** What became of a booking. */
    public enum Outcome {
        /** Booked. */
        BOOKED,
        /** The slot has no place left. */
        FULL,
        /** No such service, day or slot, or the slot has started or is too far ahead. */
        NO_SUCH_SLOT,
        /** The CNIC (or the application reference) is not valid. */
        INVALID,
        /** This CNIC holds a booked appointment for the service already; it is returned. */
        ALREADY_BOOKED
    }

    /** @return whether the appointment was booked now */
    public boolean booked() {
        return outcome == Outcome.BOOKED;
    }
}
