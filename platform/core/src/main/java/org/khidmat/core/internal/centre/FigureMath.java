package org.khidmat.core.internal.centre;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.khidmat.api.descriptor.FeeTier;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.Appointment;
import org.khidmat.api.platform.FigureRow;
import org.khidmat.api.platform.QueueToken;
import org.khidmat.api.platform.Rating;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.platform.TrackedApplication;

/**
 * The open figures from plain data: applications filed in a period of days (with their ratings, whenever given)
 * and tokens taken and appointments booked for its days (cancelled ones left out; missed ones are no-shows and
 * late arrivals).
 * A service's agency is the part of its id before the first dot, as descriptor ids require.
 */
final class FigureMath {
    private final LocalDate from;
    private final LocalDate to;
    private final List<TrackedApplication> applications;
    private final List<QueueToken> tokens;
    private final List<Rating> ratings;
    private final List<Appointment> appointments;

    FigureMath(LocalDate from, LocalDate to, List<TrackedApplication> applications, List<QueueToken> tokens,
            List<Rating> ratings, List<Appointment> appointments) {
        this.from = from;
        this.to = to;
        this.applications = applications.stream().filter(a -> inPeriod(day(a))).toList();
        this.tokens = tokens.stream().filter(t -> inPeriod(t.day())).toList();
        java.util.Set<String> filed = new java.util.HashSet<>();
        this.applications.forEach(a -> filed.add(a.application().reference()));
        this.ratings = ratings.stream().filter(r -> filed.contains(r.reference())).toList();
        this.appointments = appointments.stream()
                .filter(a -> inPeriod(a.day()) && !Appointment.CANCELLED.equals(a.state())).toList();
    }

    /** @return per agency its row then its services' rows, by agency then service id */
    List<FigureRow> rows() {
        SortedSet<String> services = new TreeSet<>();
        applications.forEach(a -> services.add(a.application().serviceId()));
        tokens.forEach(t -> services.add(t.serviceId()));
        ratings.forEach(r -> services.add(r.serviceId()));
        appointments.forEach(a -> services.add(a.serviceId()));
        SortedSet<String> agencies = new TreeSet<>(services.stream().map(FigureMath::agency).toList());
        List<FigureRow> out = new ArrayList<>();
        for (String agency : agencies) {
            out.add(row(agency, null, id -> agency(id).equals(agency)));
            services.stream().filter(id -> agency(id).equals(agency)).forEach(id -> out.add(row(agency, id, id::equals)));
        }
        return out;
    }

    private FigureRow row(String agency, String serviceId, Predicate<String> service) {
        List<TrackedApplication> apps = applications.stream().filter(a -> service.test(a.application().serviceId())).toList();
        List<Duration> processing = new ArrayList<>();
        int kept = 0;
        for (TrackedApplication a : apps) {
            Optional<Duration> took = processing(a);
            if (took.isPresent()) {
                processing.add(took.get());
                if (took.get().compareTo(Duration.ofDays(promisedDays(a))) <= 0) {
                    kept++;
                }
            }
        }
        List<Duration> waits = tokens.stream().filter(t -> service.test(t.serviceId()) && t.calledAt() != null)
                .map(t -> Duration.between(t.takenAt(), t.calledAt())).toList();
        List<Integer> stars = ratings.stream().filter(r -> service.test(r.serviceId())).map(Rating::stars).toList();
        List<Appointment> booked = appointments.stream().filter(a -> service.test(a.serviceId())).toList();
        int missed = (int) booked.stream()
                .filter(a -> Appointment.NO_SHOW.equals(a.state()) || Appointment.LATE.equals(a.state())).count();
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new FigureRow(agency, serviceId, apps.size(), (double) apps.size() / days, processing.size(),
                Stats.percentileOrNull(processing, 0.5), Stats.percentileOrNull(processing, 0.9),
                processing.isEmpty() ? null : (double) kept / processing.size(), Stats.percentileOrNull(waits, 0.5),
                stars.isEmpty() ? null : stars.stream().mapToInt(Integer::intValue).average().orElseThrow(), stars.size(),
                booked.size(), missed);
    }

    /** @return submission to the first move into a terminal state, if it got there */
    static Optional<Duration> processing(TrackedApplication a) {
        ServiceDescriptor d = a.descriptor();
        return a.history().stream()
                .filter(h -> h.from() != null && d.workflow().state(h.to()).map(s -> s.terminal()).orElse(false))
                .map(StatusChange::at).filter(Objects::nonNull).findFirst()
                .map(at -> Duration.between(a.application().createdAt(), at));
    }

    static int promisedDays(TrackedApplication a) {
        ServiceDescriptor d = a.descriptor();
        FeeTier tier = a.application().tier() == null ? d.lowestFee() : d.fee(a.application().tier()).orElse(d.lowestFee());
        return tier.days();
    }

    private boolean inPeriod(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static LocalDate day(TrackedApplication a) {
        return a.application().createdAt().atZone(PaymentDesk.ZONE).toLocalDate();
    }

    static String agency(String serviceId) {
        int dot = serviceId.indexOf('.');
        return dot < 0 ? serviceId : serviceId.substring(0, dot);
    }
}
