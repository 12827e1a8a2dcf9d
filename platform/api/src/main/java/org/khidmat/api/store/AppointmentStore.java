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
     * @return {@code false} when the slot is full (nothing stored)
     * @throws StoreException when it cannot be stored
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

    /** @return booked places per slot start of a service on a day, counting appointments that were not cancelled */
    default Map<LocalTime, Integer> booked(String serviceId, LocalDate day) {
        return booked(Centre.DEFAULT_ID, serviceId, day);
    }

    /**
     * @return a centre's booked places per slot start of a service on a day
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

    /** @return the CNIC's appointments in state booked for the service, from the day on */
    List<Appointment> bookedBy(String cnic, String serviceId, LocalDate from);

    /**
     * Moves an appointment from one state to another; a move to {@link Appointment#CANCELLED} or
     * {@link Appointment#LATE} gives the place back to its slot.
     *
     * @param tokenId the queue token to record, or 0 to keep the one it has
     * @return {@code false} when it is not in state {@code from}
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

    /** @return the appointments for the days {@code from} to {@code to} inclusive, by day and slot */
    default List<Appointment> between(LocalDate from, LocalDate to) {
        return between(Centre.DEFAULT_ID, from, to);
    }

    /**
     * @param centre the centre's id, or {@code null} for every centre (the country's figures)
     * @return a centre's appointments for the days {@code from} to {@code to} inclusive, by day and slot
     * @since 1.1
     */
    List<Appointment> between(String centre, LocalDate from, LocalDate to);

    /** @return appointments in state booked on days up to {@code day}, by day and slot */
    default List<Appointment> bookedUpTo(LocalDate day) {
        return bookedUpTo(Centre.DEFAULT_ID, day);
    }

    /**
     * @return a centre's appointments in state booked on days up to {@code day}, by day and slot
     * @since 1.1
     */
    List<Appointment> bookedUpTo(String centre, LocalDate day);
}
