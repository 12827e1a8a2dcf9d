package org.khidmat.core.internal.centre;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.khidmat.core.internal.config.CentreZone;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.Appointment;
import org.khidmat.api.store.FigureFacts;
import org.khidmat.api.store.AppointmentStore;
import org.khidmat.api.platform.FigureRow;
import org.khidmat.api.store.QueueStore;
import org.khidmat.api.platform.QueueToken;
import org.khidmat.api.platform.Rating;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.platform.TrackedApplication;

/**
 * The open figures from plain data: applications filed in a period of days (with their ratings, whenever given)
 * and tokens taken and appointments booked for its days (cancelled ones left out; missed ones are no-shows and
 * late arrivals), the tokens as the store's counts per span of wait ({@link QueueStore#waits}) and the appointments
 * as its counts per service ({@link AppointmentStore#booked}), so a year costs the days' sums, not every token. The applications come either opened one by one ({@link TrackedApplication}) or as the store's
 * {@link FigureFacts}; both are reduced to the same counts, processing times and star sums before any figure is
 * computed, so both give the same rows.
 * A service's agency is the part of its id before the first dot, as descriptor ids require.
 */
final class FigureMath {
    private final LocalDate from;
    private final LocalDate to;
    /** Applications filed in the period, per service. */
    private final Map<String, Integer> filed;
    /** Those of them that reached a final state. */
    private final List<Finished> finished;
    /** Their ratings, per service the rating names. */
    private final Map<String, Stars> stars;
    /** The period's tokens per service, counted per span of wait, and its appointments: a row looks at its services'. */
    private final Map<String, List<QueueStore.Waits>> waits;
    private final Map<String, AppointmentStore.Booked> booked;

    /** Applications finished in the same time: how long they took, whether within their tier's promised days. */
    private record Finished(String serviceId, Duration took, boolean withinPromise, long count) {
    }

    /** How many ratings, and their stars added up. */
    private record Stars(int count, long sum) {
        Stars plus(int count, long sum) {
            return new Stars(this.count + count, this.sum + sum);
        }
    }

    /**
     * The figures from opened applications, as the centre computed them before {@link #of} took the store's grouped
     * facts; kept as the reference the tests hold {@link #of} to.
     */
    FigureMath(LocalDate from, LocalDate to, List<TrackedApplication> applications, List<QueueToken> tokens,
            List<Rating> ratings, List<Appointment> appointments) {
        this(from, to, exactWaits(from, to, tokens), exactBooked(from, to, appointments));
        java.util.Set<String> references = new java.util.HashSet<>();
        for (TrackedApplication a : applications) {
            if (inPeriod(day(a))) {
                references.add(a.application().reference());
                filed.merge(a.application().serviceId(), 1, Integer::sum);
                processing(a).ifPresent(took -> finished.add(new Finished(a.application().serviceId(), took,
                        took.compareTo(Duration.ofDays(promisedDays(a))) <= 0, 1)));
            }
        }
        ratings.stream().filter(r -> references.contains(r.reference()))
                .forEach(r -> stars.merge(r.serviceId(), new Stars(1, r.stars()), (x, y) -> x.plus(y.count(), y.sum())));
    }

    private FigureMath(LocalDate from, LocalDate to, List<QueueStore.Waits> waits, List<AppointmentStore.Booked> booked) {
        this.from = from;
        this.to = to;
        this.filed = new HashMap<>();
        this.finished = new ArrayList<>();
        this.stars = new HashMap<>();
        this.waits = waits.stream().filter(w -> w.tokens() > 0)
                .collect(java.util.stream.Collectors.groupingBy(QueueStore.Waits::serviceId));
        this.booked = new HashMap<>();
        booked.stream().filter(b -> b.booked() > 0).forEach(b -> this.booked.merge(b.serviceId(), b,
                (x, y) -> new AppointmentStore.Booked(x.serviceId(), x.booked() + y.booked(), x.missed() + y.missed())));
    }

    /** @return the tokens of the period's days, each its wait exactly (a span of its own), as the stores' default */
    static List<QueueStore.Waits> exactWaits(LocalDate from, LocalDate to, List<QueueToken> tokens) {
        return tokens.stream().filter(t -> !t.day().isBefore(from) && !t.day().isAfter(to)).map(t -> {
            Duration waited = t.calledAt() == null ? null : Duration.between(t.takenAt(), t.calledAt());
            return new QueueStore.Waits(t.serviceId(), waited, waited, 1);
        }).toList();
    }

    /** @return the appointments of the period's days counted per service, as the stores' default */
    static List<AppointmentStore.Booked> exactBooked(LocalDate from, LocalDate to, List<Appointment> appointments) {
        return appointments.stream().filter(a -> !a.day().isBefore(from) && !a.day().isAfter(to))
                .map(a -> new AppointmentStore.Booked(a.serviceId(), Appointment.CANCELLED.equals(a.state()) ? 0 : 1,
                        Appointment.NO_SHOW.equals(a.state()) || Appointment.LATE.equals(a.state()) ? 1 : 0))
                .toList();
    }

    /**
     * @param facts the store's facts of the applications filed in the period (and only those)
     * @param descriptors the descriptor of a service id and version; a row whose descriptor is not found is left out,
     *        as an application that cannot be opened was
     */
    static FigureMath of(LocalDate from, LocalDate to, FigureFacts facts,
            BiFunction<String, Integer, Optional<ServiceDescriptor>> descriptors, List<QueueStore.Waits> waits,
            List<AppointmentStore.Booked> booked) {
        FigureMath m = new FigureMath(from, to, waits, booked);
        Map<String, Optional<ServiceDescriptor>> known = new HashMap<>(); // by "serviceId version", looked up once
        BiFunction<String, Integer, Optional<ServiceDescriptor>> descriptor = (id, version) -> known.computeIfAbsent(
                id + " " + version, k -> descriptors.apply(id, version));
        for (FigureFacts.Group g : facts.groups()) {
            if (descriptor.apply(g.serviceId(), g.descriptorVersion()).isPresent()) {
                m.filed.merge(g.serviceId(), g.applications(), Integer::sum);
                if (g.ratedServiceId() != null && g.ratings() > 0) {
                    m.stars.merge(g.ratedServiceId(), new Stars(g.ratings(), g.stars()), (x, y) -> x.plus(y.count(), y.sum()));
                }
            }
        }
        // an application reaches at most one terminal state (the descriptor reader refuses a move out of one), so the
        // first moves into terminal states count each finished application once, at its first arrival; a span
        // stands for its middle, and is within the promise when it ends within it (whole days end spans)
        for (FigureFacts.Times t : facts.times()) {
            Optional<ServiceDescriptor> d = descriptor.apply(t.serviceId(), t.descriptorVersion());
            if (d.isPresent() && terminal(d.get(), t.state()) && t.moves() > 0) {
                Duration middle = t.above().plus(t.upTo().minus(t.above()).dividedBy(2));
                boolean within = t.upTo().compareTo(Duration.ofDays(promisedDays(d.get(), t.tier()))) <= 0;
                m.finished.add(new Finished(t.serviceId(), middle, within, t.moves()));
            }
        }
        return m;
    }

    /** @return per agency its row then its services' rows, by agency then service id */
    List<FigureRow> rows() {
        SortedSet<String> services = new TreeSet<>(filed.keySet());
        services.addAll(waits.keySet());
        services.addAll(stars.keySet());
        services.addAll(booked.keySet());
        SortedSet<String> agencies = new TreeSet<>(services.stream().map(FigureMath::agency).toList());
        List<FigureRow> out = new ArrayList<>();
        for (String agency : agencies) {
            out.add(row(agency, null, id -> agency(id).equals(agency)));
            services.stream().filter(id -> agency(id).equals(agency)).forEach(id -> out.add(row(agency, id, id::equals)));
        }
        return out;
    }

    private FigureRow row(String agency, String serviceId, Predicate<String> service) {
        int apps = filed.entrySet().stream().filter(e -> service.test(e.getKey())).mapToInt(Map.Entry::getValue).sum();
        List<Stats.Counted> processing = new ArrayList<>();
        long done = 0;
        long kept = 0;
        for (Finished f : finished) {
            if (service.test(f.serviceId())) {
                processing.add(new Stats.Counted(f.took(), f.count()));
                done += f.count();
                kept += f.withinPromise() ? f.count() : 0;
            }
        }
        // a span of wait stands for its middle, as a span of processing does (an exact wait is its own middle)
        List<Stats.Counted> waited = waits.entrySet().stream().filter(e -> service.test(e.getKey()))
                .flatMap(e -> e.getValue().stream()).filter(w -> w.upTo() != null)
                .map(w -> new Stats.Counted(w.above().plus(w.upTo().minus(w.above()).dividedBy(2)), w.tokens())).toList();
        Stars rated = stars.entrySet().stream().filter(e -> service.test(e.getKey())).map(Map.Entry::getValue)
                .reduce(new Stars(0, 0), (x, y) -> x.plus(y.count(), y.sum()));
        int appointments = booked.values().stream().filter(b -> service.test(b.serviceId()))
                .mapToInt(AppointmentStore.Booked::booked).sum();
        int missed = booked.values().stream().filter(b -> service.test(b.serviceId()))
                .mapToInt(AppointmentStore.Booked::missed).sum();
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new FigureRow(agency, serviceId, apps, (double) apps / days, Math.toIntExact(done),
                Stats.countedPercentileOrNull(processing, 0.5), Stats.countedPercentileOrNull(processing, 0.9),
                done == 0 ? null : (double) kept / done, Stats.countedPercentileOrNull(waited, 0.5),
                rated.count() == 0 ? null : (double) rated.sum() / rated.count(), rated.count(), appointments, missed);
    }

    /** @return submission to the first move into a terminal state, if it got there */
    static Optional<Duration> processing(TrackedApplication a) {
        ServiceDescriptor d = a.descriptor();
        return a.history().stream()
                .filter(h -> h.from() != null && terminal(d, h.to()))
                .map(StatusChange::at).filter(Objects::nonNull).findFirst()
                .map(at -> Duration.between(a.application().createdAt(), at));
    }

    private static boolean terminal(ServiceDescriptor d, String state) {
        return d.workflow().state(state).map(s -> s.terminal()).orElse(false);
    }

    static int promisedDays(TrackedApplication a) {
        return promisedDays(a.descriptor(), a.application().tier());
    }

    /** @return the days promised by the tier, or by the cheapest tier when there is none or it is gone */
    static int promisedDays(ServiceDescriptor d, String tier) {
        return (tier == null ? d.lowestFee() : d.fee(tier).orElse(d.lowestFee())).days();
    }

    private boolean inPeriod(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static LocalDate day(TrackedApplication a) {
        return a.application().createdAt().atZone(CentreZone.get()).toLocalDate();
    }

    static String agency(String serviceId) {
        int dot = serviceId.indexOf('.');
        return dot < 0 ? serviceId : serviceId.substring(0, dot);
    }
}
