package org.khidmat.core.internal.centre;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
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
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.Centre;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.Queue;
import org.khidmat.api.platform.Slot;
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
 * class decides which slots exist ({@link SlotPlan}), books them ({@link Bookings}, within {@link BookingLimits}),
 * checks citizens in ({@link CheckIn}, by {@link ArrivalTiming}), and marks missed appointments as no-shows every
 * minute ({@link NoShowSweeper}).
 */
@Component(service = Appointments.class, configurationPid = AppointmentSettings.PID)
@Designate(ocd = AppointmentConfig.class)
public final class AppointmentDesk implements Appointments {
    private static final Logger LOG = LoggerFactory.getLogger(AppointmentDesk.class);
    private final String site;
    private final AppointmentStore store;
    private final Catalogue catalogue;
    private final AuditLog audit;
    private volatile AppointmentRules rules;
    private final Clock clock;
    private volatile BookingLimits limits;
    private volatile AppointmentSettings settings;
    private final DatabaseLocks locks;
    private final NoShowSweeper sweeper;
    private final CheckIn checkIn;
    private final Bookings bookings;

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
        this.audit = audit;
        this.rules = rules;
        this.settings = new AppointmentSettings(rules, Set.copyOf(needApplication));
        this.clock = clock;
        this.locks = new DatabaseLocks(leases, node);
        this.sweeper = new NoShowSweeper(site, leases, node, this::markNoShows);
        this.bookings = new Bookings(site, store, applications, audit, locks, clock, this::slots,
                () -> now().toLocalDate());
        this.checkIn = new CheckIn(store, queue, audit, locks, clock, () -> this.rules, () -> now().toLocalDateTime());
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
        return SlotPlan.days(rules, now().toLocalDate());
    }

    @Override
    public List<Slot> slots(String serviceId, LocalDate day) {
        Optional<CatalogueEntry> entry = catalogue.service(serviceId);
        if (entry.isEmpty() || !entry.get().enabled() || day == null || !days().contains(day)) {
            return List.of();
        }
        return SlotPlan.slots(rules, serviceId, day, now().toLocalDateTime(), store.booked(site, serviceId, day));
    }

    @Override
    public BookingResult book(String serviceId, LocalDate day, LocalTime start, String cnic, String reference) {
        return bookings.book(limits, serviceId, day, start, cnic, reference);
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
        return checkIn.arrive(found.get().code());
    }

    @Override
    public int markNoShows() {
        LocalDateTime now = now().toLocalDateTime();
        int marked = 0;
        for (Appointment a : store.bookedUpTo(site, now.toLocalDate())) {
            if (ArrivalTiming.missed(a, now, rules)) {
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

    static Appointment masked(Appointment a) {
        return new Appointment(a.code(), a.serviceId(), a.day(), a.start(), a.end(), FieldRules.mask(a.cnic()),
                a.reference(), a.state(), a.bookedAt(), a.changedAt(), a.tokenId());
    }
}
