package org.khidmat.api.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A booked appointment. Its code has the form of an application reference ({@code KM7Q-4XPA-K}); when it was
 * booked for an application, {@code reference} ties the two.
 *
 * @param code what the citizen shows at the kiosk
 * @param serviceId the service
 * @param day the day, in the centre's time zone
 * @param start the slot's start
 * @param end the slot's end
 * @param cnic the citizen's CNIC, 13 digits; shown masked but to its owner
 * @param reference the application it is for, or {@code null}
 * @param state {@link #BOOKED}, {@link #CHECKED_IN}, {@link #CANCELLED}, {@link #LATE} or {@link #NO_SHOW}
 * @param bookedAt when it was booked
 * @param changedAt when its state last changed
 * @param tokenId the queue token given at check-in, or 0
 */
public record Appointment(String code, String serviceId, LocalDate day, LocalTime start, LocalTime end, String cnic,
        String reference, String state, Instant bookedAt, Instant changedAt, long tokenId) {
    /** Booked, not arrived yet. */
    public static final String BOOKED = "booked";
    /** Arrived in time and given a queue token; final. */
    public static final String CHECKED_IN = "checked-in";
    /** Cancelled by the citizen; the place went back to the slot; final. */
    public static final String CANCELLED = "cancelled";
    /** Arrived later than the rules allow and was cancelled; final. */
    public static final String LATE = "late";
    /** Did not come; final. */
    public static final String NO_SHOW = "no-show";
}
