package org.khidmat.core.internal.centre;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.khidmat.api.store.AppointmentStore;
import org.khidmat.api.platform.BookingResult;
import org.khidmat.api.platform.BookingResult.Outcome;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;

/**
 * What limits a CNIC's bookings, beyond the one booked appointment per service the store keeps: at most
 * {@link #OPEN_PER_CNIC} booked appointments at once across all services, and for the services the centre names in
 * {@code needApplication} ({@code conf/org.khidmat.appointments.cfg.json}) a filed application of the same CNIC and
 * service. The answers never carry the appointment already held: its code and reference are its owner's, and a CNIC
 * is no proof of being that owner.
 */
final class BookingLimits {
    /** Booked (not yet used or over) appointments one CNIC may hold at once across all services. */
    static final int OPEN_PER_CNIC = 3;
    private final AppointmentStore store;
    private final Catalogue catalogue;
    private final Set<String> needApplication;

    BookingLimits(AppointmentStore store, Catalogue catalogue, Set<String> needApplication) {
        this.store = store;
        this.catalogue = catalogue;
        this.needApplication = Set.copyOf(needApplication);
    }

    /** @return the refusal when the service asks for an application and none was given, else empty */
    Optional<BookingResult> application(String serviceId, String reference) {
        if (needApplication.contains(serviceId) && (reference == null || reference.isBlank())) {
            return Optional.of(new BookingResult(Outcome.INVALID, null, "this service books appointments for filed "
                    + "applications only: apply first, then book with the application's reference and your CNIC"));
        }
        return Optional.empty();
    }

    /**
     * Call under the CNIC's lock.
     *
     * @return the refusal when the CNIC holds an appointment for the service or too many in all, else empty
     */
    Optional<BookingResult> held(String cnic, String serviceId, LocalDate today) {
        if (!store.bookedBy(cnic, serviceId, today).isEmpty()) {
            return Optional.of(new BookingResult(Outcome.ALREADY_BOOKED, null, "this CNIC already holds an appointment for "
                    + "this service; to choose another time, cancel that one first with its code"));
        }
        int open = 0;
        for (CatalogueEntry e : catalogue.services()) {
            open += store.bookedBy(cnic, e.id(), today).size();
            if (open >= OPEN_PER_CNIC) {
                return Optional.of(new BookingResult(Outcome.ALREADY_BOOKED, null, "this CNIC already holds "
                        + OPEN_PER_CNIC + " appointments, the most one CNIC may hold at once; cancel one first"));
            }
        }
        return Optional.empty();
    }
}
