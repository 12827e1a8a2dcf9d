package org.khidmat.core.internal.centre;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.khidmat.core.internal.config.CentreZone;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Appointment;
import org.khidmat.api.platform.AppointmentRules;
import org.khidmat.api.store.AppointmentStore;
import org.khidmat.api.platform.Appointments;
import org.khidmat.api.platform.ArrivalResult;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.store.Leases;
import org.khidmat.core.internal.config.CentreNode;
import org.khidmat.api.platform.BookingResult;
import org.khidmat.api.platform.BookingResult.Outcome;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.Centre;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.Queue;
import org.khidmat.api.platform.QueueToken;
import org.khidmat.api.platform.Slot;
import org.khidmat.api.platform.TrackedApplication;
import org.khidmat.core.internal.applications.FieldRules;
import org.khidmat.core.internal.applications.References;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appointments by the rules of {@code conf/org.khidmat.appointments.cfg.json}, taken without a restart when it
 * changes. The store makes a slot impossible to overbook; this
 * class decides which slots exist, applies the arrival rules at check-in (under a per-code lock, so two kiosks
 * cannot give two tokens), and marks missed appointments as no-shows every minute.
 */
@Component(service = Appointments.class, configurationPid = AppointmentSettings.PID)
@Designate(ocd = AppointmentConfig.class)
public final class AppointmentDesk implements Appointments {
    private static final Logger LOG = LoggerFactory.getLogger(AppointmentDesk.class);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    private final String site;
    private final AppointmentStore store;
    private final Catalogue catalogue;
    private final Applications applications;
    private final Queue queue;
    private final AuditLog audit;
    private volatile AppointmentRules rules;
    private final Clock clock;
    private volatile BookingLimits limits;
    private volatile AppointmentSettings settings;
    private final References codes = new References();
    private final DatabaseLocks locks;
    private final NoShowSweeper sweeper;

    @Activate
    public AppointmentDesk(AppointmentConfig config, @Reference Centre centre, @Reference AppointmentStore store,
            @Reference Catalogue catalogue, @Reference Applications applications, @Reference Queue queue,
            @Reference AuditLog audit, @Reference Leases leases) {
        this(centre.id(), store, catalogue, applications, queue, audit,
                AppointmentSettings.from(config, AppointmentSettings.DEFAULT), Clock.systemUTC(), leases);
        sweeper.start();
    }

    private AppointmentDesk(String site, AppointmentStore store, Catalogue catalogue, Applications applications,
            Queue queue, AuditLog audit, AppointmentSettings settings, Clock clock, Leases leases) {
        this(site, store, catalogue, applications, queue, audit, settings.rules(), clock, settings.needApplication(),
                leases, CentreNode::get);
    }

    /** A change of {@code conf/org.khidmat.appointments.cfg.json}: the next booking, check-in and sweep use it. */
    @Modified
    void modified(AppointmentConfig config) {
        AppointmentSettings next = AppointmentSettings.from(config, settings);
        limits = new BookingLimits(store, catalogue, next.needApplication());
        rules = next.rules();
        settings = next;
        LOG.info("appointments: rules changed: {} to {}, {} minute slots", rules.opens(), rules.closes(),
                rules.slot().toMinutes());
    }

    AppointmentDesk(AppointmentStore store, Catalogue catalogue, Applications applications, Queue queue, AuditLog audit,
            AppointmentRules rules, Clock clock, Leases leases) {
        this(store, catalogue, applications, queue, audit, rules, clock, Set.of(), leases);
    }

    /** @param needApplication the services that book appointments for filed applications only */
    AppointmentDesk(AppointmentStore store, Catalogue catalogue, Applications applications, Queue queue, AuditLog audit,
            AppointmentRules rules, Clock clock, Set<String> needApplication, Leases leases) {
        this(store, catalogue, applications, queue, audit, rules, clock, needApplication, leases, CentreNode::get);
    }

    /** @param node this node's name (tests stand two nodes in one JVM) */
    AppointmentDesk(AppointmentStore store, Catalogue catalogue, Applications applications, Queue queue, AuditLog audit,
            AppointmentRules rules, Clock clock, Set<String> needApplication, Leases leases, Supplier<String> node) {
        this(Centre.DEFAULT_ID, store, catalogue, applications, queue, audit, rules, clock, needApplication, leases,
                node);
    }

    /**
     * @param site the centre whose appointments these are: its slots, capacities, check-ins and no-show sweep; the
     *        rules are this node's configuration, so the nodes of one centre are to be given the same
     * @param node this node's name (tests stand two nodes in one JVM)
     */
    AppointmentDesk(String site, AppointmentStore store, Catalogue catalogue, Applications applications, Queue queue,
            AuditLog audit, AppointmentRules rules, Clock clock, Set<String> needApplication, Leases leases,
            Supplier<String> node) {
        this.site = site;
        this.limits = new BookingLimits(store, catalogue, needApplication);
        this.store = store;
        this.catalogue = catalogue;
        this.applications = applications;
        this.queue = queue;
        this.audit = audit;
        this.rules = rules;
        this.settings = new AppointmentSettings(rules, Set.copyOf(needApplication));
        this.clock = clock;
        this.locks = new DatabaseLocks(leases, node);
        this.sweeper = new NoShowSweeper(site, leases, node, this::markNoShows);
    }

    @Deactivate
    void stop() {
        sweeper.stop();
    }

    /** For tests: the every-minute sweep (one tick runs on the node holding the lease). */
    NoShowSweeper sweeper() {
        return sweeper;
    }

    private ZonedDateTime now() {
        return clock.instant().atZone(CentreZone.get());
    }

    @Override
    public AppointmentRules rules() {
        return rules;
    }

    @Override
    public List<LocalDate> days() {
        LocalDate today = now().toLocalDate();
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < rules.daysAhead(); i++) {
            LocalDate d = today.plusDays(i);
            if (rules.days().contains(d.getDayOfWeek())) {
                out.add(d);
            }
        }
        return out;
    }

    @Override
    public List<Slot> slots(String serviceId, LocalDate day) {
        Optional<CatalogueEntry> entry = catalogue.service(serviceId);
        if (entry.isEmpty() || !entry.get().enabled() || day == null || !days().contains(day)) {
            return List.of();
        }
        Map<LocalTime, Integer> booked = store.booked(site, serviceId, day);
        int capacity = rules.capacity(serviceId);
        LocalDateTime now = now().toLocalDateTime();
        List<Slot> out = new ArrayList<>();
        for (LocalTime start = rules.opens(); !start.plus(rules.slot()).isAfter(rules.closes())
                && !start.plus(rules.slot()).isBefore(start); start = start.plus(rules.slot())) {
            if (day.atTime(start).isAfter(now)) {
                out.add(new Slot(serviceId, day, start, start.plus(rules.slot()), capacity, booked.getOrDefault(start, 0)));
            }
        }
        return out;
    }

    @Override
    public BookingResult book(String serviceId, LocalDate day, LocalTime start, String cnic, String reference) {
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
        Optional<Slot> slot = slots(serviceId, day).stream().filter(s -> s.start().equals(start)).findFirst();
        if (slot.isEmpty()) {
            return new BookingResult(Outcome.NO_SUCH_SLOT, null, "there is no slot at " + start + " on " + day
                    + " for this service; choose one from the list");
        }
        // one CNIC books across nodes one at a time, so the limits on what it holds are checked against what it holds
        try (DatabaseLocks.Held lock = locks.hold("appointment.cnic:" + digits)) {
            Optional<BookingResult> held = limits.held(digits, serviceId, now().toLocalDate());
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
            return new BookingResult(Outcome.BOOKED, masked(a), "booked");
        }
    }

    @Override
    public Optional<Appointment> find(String code, String cnic) {
        String c = References.normalise(code);
        String digits = FieldRules.cnicDigits(cnic);
        if (c == null || digits == null) {
            return Optional.empty();
        }
        return store.find(site, c).filter(a -> a.cnic().equals(digits));
    }

    @Override
    public Optional<Appointment> cancel(String code, String cnic) {
        Optional<Appointment> a = find(code, cnic);
        if (a.isEmpty() || !store.move(a.get().code(), Appointment.BOOKED, Appointment.CANCELLED, clock.instant(), 0)) {
            return Optional.empty();
        }
        audit.append("citizen", "appointment.cancel", a.get().code(), a.get().serviceId());
        return store.find(a.get().code());
    }

    @Override
    public ArrivalResult arrive(String code, String cnic) {
        Optional<Appointment> found = find(code, cnic);
        if (found.isEmpty()) {
            return new ArrivalResult(ArrivalResult.Outcome.UNKNOWN, null, null,
                    "no appointment with that code and CNIC; check both");
        }
        // two kiosks, on any nodes, never give one appointment two tokens
        try (DatabaseLocks.Held lock = locks.hold("appointment:" + found.get().code())) {
            Appointment a = store.find(found.get().code()).orElseThrow();
            if (Appointment.CHECKED_IN.equals(a.state())) {
                return new ArrivalResult(ArrivalResult.Outcome.ALREADY_CHECKED_IN, masked(a),
                        queue.token(a.tokenId()).orElse(null), "you are checked in already");
            }
            ZonedDateTime now = now();
            if (!Appointment.BOOKED.equals(a.state()) || a.day().isBefore(now.toLocalDate())) {
                return new ArrivalResult(ArrivalResult.Outcome.NOT_VALID, masked(a), null,
                        "this appointment is " + (Appointment.BOOKED.equals(a.state()) ? "over" : a.state())
                                + "; take a token or book a new appointment");
            }
            if (a.day().isAfter(now.toLocalDate())) {
                return new ArrivalResult(ArrivalResult.Outcome.NOT_VALID, masked(a), null,
                        "your appointment is on " + a.day() + " at " + HOUR.format(a.start()) + ", not today");
            }
            LocalDateTime start = a.day().atTime(a.start());
            LocalDateTime earliest = start.minus(rules.earliest());
            if (now.toLocalDateTime().isBefore(earliest)) {
                return new ArrivalResult(ArrivalResult.Outcome.TOO_EARLY, masked(a), null,
                        "too early: check in from " + HOUR.format(earliest) + " for your appointment at "
                                + HOUR.format(a.start()));
            }
            if (now.toLocalDateTime().isAfter(start.plus(rules.latest()))) {
                store.move(a.code(), Appointment.BOOKED, Appointment.LATE, clock.instant(), 0);
                audit.append("citizen", "appointment.late", a.code(), a.serviceId());
                return new ArrivalResult(ArrivalResult.Outcome.TOO_LATE, masked(store.find(a.code()).orElseThrow()),
                        null, "more than " + rules.latest().toMinutes() + " minutes late: the appointment at "
                                + HOUR.format(a.start()) + " is cancelled; take a token or book again");
            }
            QueueToken token = queue.checkIn(a.serviceId(), a.reference(), a.code());
            store.move(a.code(), Appointment.BOOKED, Appointment.CHECKED_IN, clock.instant(), token.id());
            audit.append("citizen", "appointment.arrive", a.code(), "token " + token.number());
            LOG.info("appointment {} checked in: token {}", a.code(), token.number());
            return new ArrivalResult(ArrivalResult.Outcome.CHECKED_IN, masked(store.find(a.code()).orElseThrow()), token,
                    "checked in: your token is " + token.number());
        }
    }

    @Override
    public int markNoShows() {
        LocalDateTime now = now().toLocalDateTime();
        int marked = 0;
        for (Appointment a : store.bookedUpTo(site, now.toLocalDate())) {
            if (now.isAfter(a.day().atTime(a.start()).plus(rules.latest()))) {
                try (DatabaseLocks.Held lock = locks.hold("appointment:" + a.code())) {
                    if (store.move(a.code(), Appointment.BOOKED, Appointment.NO_SHOW, clock.instant(), 0)) {
                        audit.append("system", "appointment.no-show", a.code(), a.serviceId());
                        marked++;
                    }
                }
            }
        }
        if (marked > 0) {
            LOG.info("appointments: {} marked as no-shows", marked);
        }
        return marked;
    }

    @Override
    public List<Appointment> onDay(LocalDate day) {
        return store.onDay(site, day).stream().map(AppointmentDesk::masked).toList();
    }

    private static Appointment masked(Appointment a) {
        return new Appointment(a.code(), a.serviceId(), a.day(), a.start(), a.end(), FieldRules.mask(a.cnic()),
                a.reference(), a.state(), a.bookedAt(), a.changedAt(), a.tokenId());
    }
}
