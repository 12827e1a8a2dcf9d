package org.khidmat.api.store;

import org.khidmat.api.platform.Appointment;
import org.khidmat.api.platform.StoreException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Durable appointments and slot counts. Each method is one transaction. */
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
    boolean book(Appointment appointment, int capacity);

    /**
     * @return places taken per slot start of a service on a day: appointments that hold their place (not cancelled,
     *         not late); a slot whose places all came back may be listed with 0
     */
    Map<LocalTime, Integer> booked(String serviceId, LocalDate day);

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
    List<Appointment> onDay(LocalDate day);

    /**
     * @return the appointments for the days {@code from} to {@code to} inclusive, by day and slot (within a slot in no
     *         promised order)
     */
    List<Appointment> between(LocalDate from, LocalDate to);

    /**
     * @return appointments in state booked on days up to {@code day}, by day and slot (within a slot in no promised
     *         order)
     */
    List<Appointment> bookedUpTo(LocalDate day);
}
