package org.khidmat.api.platform;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One appointment slot of a service on a day.
 *
 * @param serviceId the service
 * @param day the day, in the centre's time zone
 * @param start when the slot starts
 * @param end when it ends
 * @param capacity how many appointments it takes
 * @param booked how many are booked (cancelled ones give their place back)
 */
public record Slot(String serviceId, LocalDate day, LocalTime start, LocalTime end, int capacity, int booked) {

    /** @return the places left, never below 0 */
    public int free() {
        return Math.max(0, capacity - booked);
    }
}
