package org.khidmat.core.internal.centre;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Appointment;
import org.khidmat.api.platform.BookingResult;
import org.khidmat.api.platform.BookingResult.Outcome;
import org.khidmat.api.platform.Slot;
import org.khidmat.api.platform.TrackedApplication;
import org.khidmat.api.store.AppointmentStore;
import org.khidmat.api.store.AuditLog;
import org.khidmat.core.internal.applications.FieldRules;
import org.khidmat.core.internal.applications.References;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A citizen's booking of a slot: the CNIC, the application it names (filed by that CNIC for that service, or none where
 * the service does not ask for one), the slot, then, under a lock on the CNIC (one CNIC books across nodes one at a
 * time), the limits on what it holds and the store's own check that the slot is not full.
 */
final class Bookings {
    // the lines keep the category of the desk they were written by before, for the operators' log filters
    private static final Logger LOG = LoggerFactory.getLogger(AppointmentDesk.class);
    private static final DateTimeFormatter HOUR = ArrivalTiming.HOUR;
    private final String site;
    private final AppointmentStore store;
    private final Applications applications;
    private final AuditLog audit;
    private final DatabaseLocks locks;
    private final Clock clock;
    private final References codes = new References();
    private final BiFunction<String, LocalDate, List<Slot>> slots;
    private final Supplier<LocalDate> today;

    /**
     * @param slots the slots of a service on a day, as citizens are offered them
     * @param today the day in the centre's zone
     */
    Bookings(String site, AppointmentStore store, Applications applications, AuditLog audit, DatabaseLocks locks,
            Clock clock, BiFunction<String, LocalDate, List<Slot>> slots, Supplier<LocalDate> today) {
        this.site = site;
        this.store = store;
        this.applications = applications;
        this.audit = audit;
        this.locks = locks;
        this.clock = clock;
        this.slots = slots;
        this.today = today;
    }

    BookingResult book(BookingLimits limits, String serviceId, LocalDate day, LocalTime start, String cnic,
            String reference) {
        String digits = FieldRules.cnicDigits(cnic);
        if (digits == null) {
            return new BookingResult(Outcome.INVALID, null, "enter the CNIC as 13 digits, with or without dashes");
        }
        Optional<BookingResult> noApplication = limits.application(serviceId, reference);
        if (noApplication.isPresent()) {
            return noApplication.get();
        }
        String ref = null;
        if (reference != null && !reference.isBlank()) {
            Optional<TrackedApplication> app = applications.track(reference, digits);
            if (app.isEmpty()) {
                return new BookingResult(Outcome.INVALID, null, "no application with that reference for this CNIC");
            }
            if (!app.get().application().serviceId().equals(serviceId)) {
                return new BookingResult(Outcome.INVALID, null, "application " + app.get().application().reference()
                        + " is for another service");
            }
            ref = app.get().application().reference();
        }
        Optional<Slot> slot = slots.apply(serviceId, day).stream().filter(s -> s.start().equals(start)).findFirst();
        if (slot.isEmpty()) {
            return new BookingResult(Outcome.NO_SUCH_SLOT, null, "there is no slot at " + start + " on " + day
                    + " for this service; choose one from the list");
        }
        // one CNIC books across nodes one at a time, so the limits on what it holds are checked against what it holds
        try (DatabaseLocks.Held lock = locks.hold("appointment.cnic:" + digits)) {
            Optional<BookingResult> held = limits.held(digits, serviceId, today.get());
            if (held.isPresent()) {
                return held.get();
            }
            Instant at = clock.instant();
            Appointment a = new Appointment(codes.next(), serviceId, day, start, slot.get().end(), digits, ref,
                    Appointment.BOOKED, at, at, 0);
            if (!store.book(site, a, slot.get().capacity())) {
                return new BookingResult(Outcome.FULL, null, "the slot at " + HOUR.format(start) + " is full; choose another");
            }
            audit.append("citizen", "appointment.book", a.code(), serviceId + " " + day + " " + HOUR.format(start));
            LOG.info("appointment {} booked for {} on {} at {}", a.code(), serviceId, day, start);
            return new BookingResult(Outcome.BOOKED, AppointmentDesk.masked(a), "booked");
        }
    }
}
