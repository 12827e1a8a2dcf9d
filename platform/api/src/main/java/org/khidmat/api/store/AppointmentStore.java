package org.khidmat.api.store;

import org.khidmat.api.platform.Appointment;
import org.khidmat.api.platform.Centre;
import org.khidmat.api.platform.StoreException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Durable appointments and slot counts, per centre: each centre has its own slots and capacities, shared by the
 * nodes that serve it; an appointment's code is unique everywhere. The methods without a centre act on
 * {@link org.khidmat.api.platform.Centre#DEFAULT_ID}. Each method is one transaction.
 */
@ProviderType
public interface AppointmentStore {

    /**
     * Takes a place in the appointment's slot and stores the appointment, in one transaction: the slot's count is
     * raised only while it is below {@code capacity}, so no interleaving of bookings can overbook it.
     *
     * @param appointment the appointment, in state {@link Appointment#BOOKED}
     * @param capacity the slot's capacity, recorded when the slot is first booked
     * @return {@code false} when the slot is full (nothing stored); of callers booking its last place at once (on any
     *         node), exactly one is told {@code true}
     * @throws StoreException when it cannot be stored, or the code is taken; nothing is stored then and the slot keeps
     *         its places
     */
    default boolean book(Appointment appointment, int capacity) {
        return book(Centre.DEFAULT_ID, appointment, capacity);
    }

    /**
     * Books as {@link #book(Appointment, int)} in a centre's slot.
     *
     * @param centre the centre's id
     * @since 1.1
     */
    boolean book(String centre, Appointment appointment, int capacity);

    /**
     * @return places taken per slot start of a service on a day: appointments that hold their place (not cancelled,
     *         not late); a slot whose places all came back may be listed with 0
     */
    default Map<LocalTime, Integer> booked(String serviceId, LocalDate day) {
        return booked(Centre.DEFAULT_ID, serviceId, day);
    }

    /**
     * @return a centre's places taken per slot start of a service on a day, counted as {@link #booked(String,
     *         LocalDate)}
     * @since 1.1
     */
    Map<LocalTime, Integer> booked(String centre, String serviceId, LocalDate day);

    /**
     * @return the appointment with that code if it is at that centre
     * @since 1.1
     */
    Optional<Appointment> find(String centre, String code);

    /** @return the appointment with that code */
    Optional<Appointment> find(String code);

    /** @return the CNIC's appointments in state booked for the service, from the day on, in no promised order */
    List<Appointment> bookedBy(String cnic, String serviceId, LocalDate from);

    /**
     * Moves an appointment from one state to another; a move to {@link Appointment#CANCELLED} or
     * {@link Appointment#LATE} gives the place back to its slot.
     *
     * @param tokenId the queue token to record, or 0 to keep the one it has
     * @return {@code false} when it is unknown or not in state {@code from}; of callers moving it at once, exactly one
     *         is told {@code true}, so a place is given back once
     */
    boolean move(String code, String from, String to, Instant at, long tokenId);

    /** @return the appointments of a day, by slot then booking time */
    default List<Appointment> onDay(LocalDate day) {
        return onDay(Centre.DEFAULT_ID, day);
    }

    /**
     * @return a centre's appointments of a day, by slot then booking time
     * @since 1.1
     */
    List<Appointment> onDay(String centre, LocalDate day);

    /**
     * @return the appointments for the days {@code from} to {@code to} inclusive, by day and slot (within a slot in no
     *         promised order)
     */
    default List<Appointment> between(LocalDate from, LocalDate to) {
        return between(Centre.DEFAULT_ID, from, to);
    }

    /**
     * @param centre the centre's id, or {@code null} for every centre (the country's figures)
     * @return a centre's appointments for the days {@code from} to {@code to} inclusive, by day and slot (within a
     *         slot in no promised order)
     * @since 1.1
     */
    List<Appointment> between(String centre, LocalDate from, LocalDate to);

    /**
     * The country's appointments of the days {@code from} to {@code to} inclusive counted per service, for the open
     * figures: {@link #booked(String, LocalDate, LocalDate)} for every centre.
     *
     * @return per service with appointments, how many are not cancelled and how many of those were missed
     */
    default List<Booked> booked(LocalDate from, LocalDate to) {
        return booked(null, from, to);
    }

    /**
     * A centre's appointments of the days {@code from} to {@code to} inclusive counted per service, for the open
     * figures. This default reads every appointment; a store may keep the counts per day.
     *
     * @param centre the centre's id, or {@code null} for every centre (the country)
     * @return per service with appointments, how many are not cancelled and how many of those were missed
     * @since 1.1
     */
    default List<Booked> booked(String centre, LocalDate from, LocalDate to) {
        java.util.Map<String, int[]> counted = new java.util.TreeMap<>();
        for (Appointment a : between(centre, from, to)) {
            int[] n = counted.computeIfAbsent(a.serviceId(), k -> new int[2]);
            n[0] += Appointment.CANCELLED.equals(a.state()) ? 0 : 1;
            n[1] += Appointment.NO_SHOW.equals(a.state()) || Appointment.LATE.equals(a.state()) ? 1 : 0;
        }
        List<Booked> out = new java.util.ArrayList<>();
        counted.forEach((service, n) -> out.add(new Booked(service, n[0], n[1])));
        return out;
    }

    /**
     * A service's appointments in a period.
     *
     * @param serviceId the service booked
     * @param booked the appointments not cancelled
     * @param missed those of them missed: no-show or late
     */
    record Booked(String serviceId, int booked, int missed) {
    }

    /**
     * @return appointments in state booked on days up to {@code day}, by day and slot (within a slot in no promised
     *         order)
     */
    default List<Appointment> bookedUpTo(LocalDate day) {
        return bookedUpTo(Centre.DEFAULT_ID, day);
    }

    /**
     * @return a centre's appointments in state booked on days up to {@code day}, by day and slot
     * @since 1.1
     */
    List<Appointment> bookedUpTo(String centre, LocalDate day);
}
