package org.khidmat.api.platform;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Appointments: slots per service per day from the configured capacity, booking that never overbooks a slot, and
 * the ASAN arrival rules (check in no earlier than {@link AppointmentRules#earliest()} before the slot, no later
 * than {@link AppointmentRules#latest()} after its start). Every change is written to the audit log.
 */
@ProviderType
public interface Appointments {

    /** @return the rules in force */
    AppointmentRules rules();

    /** @return the days that can be booked now, from today, in the centre's time zone */
    List<LocalDate> days();

    /**
     * @param serviceId a service
     * @param day a day
     * @return the day's slots with their free places; slots that have started are left out; empty when the
     *         service is unknown or the day cannot be booked
     */
    List<Slot> slots(String serviceId, LocalDate day);

    /**
     * Books a place. Concurrent bookings never take a slot beyond its capacity.
     *
     * @param serviceId a service
     * @param day the day
     * @param start the slot's start
     * @param cnic the citizen's CNIC, with or without dashes
     * @param reference an application reference it is for, or {@code null}
     * @return the outcome
     * @throws StoreException when it could not be stored
     */
    BookingResult book(String serviceId, LocalDate day, LocalTime start, String cnic, String reference);

    /**
     * @param code the appointment code as typed
     * @param cnic the CNIC it was booked with; a wrong one gives the same answer as an unknown code
     * @return the appointment
     */
    Optional<Appointment> find(String code, String cnic);

    /**
     * Cancels a booked appointment and gives its place back to the slot.
     *
     * @return the appointment as it is now; empty when unknown, the CNIC does not match, or it is not booked
     */
    Optional<Appointment> cancel(String code, String cnic);

    /**
     * Checks an appointment in at the kiosk, by the rules, and gives it a queue token.
     *
     * @param code the appointment code as typed
     * @param cnic the CNIC it was booked with
     * @return the outcome
     */
    ArrivalResult arrive(String code, String cnic);

    /**
     * Marks booked appointments whose check-in time is over as {@link Appointment#NO_SHOW}. The centre runs this
     * every minute; it is safe to call at any time.
     *
     * @return how many were marked
     */
    int markNoShows();

    /** @return the appointments of a day, by slot then booking time, CNICs masked */
    List<Appointment> onDay(LocalDate day);
}
