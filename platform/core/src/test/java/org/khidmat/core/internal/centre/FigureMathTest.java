package org.khidmat.core.internal.centre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.khidmat.api.descriptor.Agency;
import org.khidmat.api.descriptor.FeeTier;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.Appointment;
import org.khidmat.api.store.FigureFacts;
import org.khidmat.api.platform.FigureRow;
import org.khidmat.api.platform.QueueToken;
import org.khidmat.api.platform.Rating;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.platform.TrackedApplication;

/** The figures on a known set: two days, three services of two agencies, one application and one token outside. */
class FigureMathTest {
    private static final LocalDate D1 = LocalDate.of(2026, 3, 2);
    private static final LocalDate D2 = LocalDate.of(2026, 3, 3);
    private static final Instant T1 = Instant.parse("2026-03-02T05:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-03T05:00:00Z");
    private final ServiceDescriptor police = Fakes.police(); // promise: 7 days
    private final ServiceDescriptor noc = copy("police.noc", "police", 7);
    private final ServiceDescriptor cnic = copy("nadra.cnic", "nadra", 1);

    private ServiceDescriptor copy(String id, String agency, int days) {
        return new ServiceDescriptor(id, 1, new Agency(agency, police.agency().name()), "identity", police.title(),
                police.summary(), null, List.of(), List.of(new FeeTier("normal", police.title(), 100, days)),
                police.form(), police.workflow(), false, id);
    }

    private static Instant h(Instant t, int hours) {
        return t.plus(Duration.ofHours(hours));
    }

    private List<TrackedApplication> applications() {
        return List.of(
                Fakes.app(police, "P1", T1, "review", h(T1, 1), "done", h(T1, 48)),
                Fakes.app(police, "P2", h(T1, 1), "rejected", h(T1, 241)),
                Fakes.app(police, "P3", T2, "review", h(T2, 1)),
                Fakes.app(police, "P4", h(T2, 2), "review", h(T2, 3), "done", h(T2, 2 + 168)),
                Fakes.app(police, "P5", Instant.parse("2026-03-04T05:00:00Z"), "rejected", Instant.parse("2026-03-04T06:00:00Z")),
                Fakes.app(noc, "Q1", T1, "review", h(T1, 2), "done", h(T1, 24)),
                Fakes.app(cnic, "N1", T1, "review", h(T1, 6), "done", h(T1, 12)),
                Fakes.app(cnic, "N2", T1, "review", h(T1, 6), "done", h(T1, 30)));
    }

    private static QueueToken token(LocalDate day, String service, Instant taken, Integer waitMinutes) {
        return new QueueToken(0, day, "A-001", service, "x", null, waitMinutes == null ? QueueToken.WAITING : QueueToken.SERVED,
                1, taken, waitMinutes == null ? null : taken.plus(Duration.ofMinutes(waitMinutes)), null, null);
    }

    private static List<QueueToken> tokens() {
        return List.of(token(D1, "police.cert", T1, 10), token(D1, "police.cert", T1, 30),
                token(D1, "police.cert", T1.plusSeconds(300), null), token(D2, "nadra.cnic", T2, 5),
                token(D1.plusDays(2), "nadra.cnic", T2.plusSeconds(86400), 90));
    }

    private static List<Rating> ratings() {
        return List.of(new Rating("P1", "police.cert", "police", 4, null, h(T1, 50)),
                new Rating("P2", "police.cert", "police", 1, "slow", h(T1, 300)),
                new Rating("N1", "nadra.cnic", "nadra", 5, null, h(T1, 13)),
                new Rating("P5", "police.cert", "police", 3, null, h(T1, 60)));
    }

    private static List<Appointment> appointments() {
        return List.of(appointment("A1", D1, Appointment.CHECKED_IN),
                appointment("A2", D1, Appointment.NO_SHOW), appointment("A3", D2, Appointment.LATE),
                appointment("A4", D2, Appointment.CANCELLED), appointment("A5", D2, Appointment.BOOKED),
                appointment("A6", D2.plusDays(1), Appointment.NO_SHOW));
    }

    private List<FigureRow> rows() {
        return new FigureMath(D1, D2, applications(), tokens(), ratings(), appointments()).rows();
    }

    /**
     * The facts a store gives for the applications of the period: grouped per service, version, tier and rated
     * service, and each application's first move into each state counted per time after filing (spans of one
     * instant, so the figures are exact).
     */
    private static FigureFacts facts(List<TrackedApplication> applications, List<Rating> ratings) {
        Map<String, Rating> rated = new HashMap<>();
        ratings.forEach(r -> rated.put(r.reference(), r));
        Map<List<Object>, long[]> groups = new LinkedHashMap<>();
        Map<List<Object>, Integer> moves = new LinkedHashMap<>();
        for (TrackedApplication t : applications) {
            ApplicationRecord a = t.application();
            LocalDate day = a.createdAt().atZone(org.khidmat.core.internal.config.CentreZone.DEFAULT).toLocalDate();
            if (day.isBefore(D1) || day.isAfter(D2)) {
                continue;
            }
            Rating r = rated.get(a.reference());
            long[] g = groups.computeIfAbsent(Arrays.asList(a.serviceId(), a.descriptorVersion(), a.tier(),
                    r == null ? null : r.serviceId()), k -> new long[3]);
            g[0]++;
            g[1] += r == null ? 0 : 1;
            g[2] += r == null ? 0 : r.stars();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < t.history().size(); i++) {
                StatusChange h = t.history().get(i);
                if (h.from() != null && seen.add(h.to())) {
                    moves.merge(Arrays.asList(a.serviceId(), a.descriptorVersion(), a.tier(), h.to(),
                            Duration.between(a.createdAt(), h.at())), 1, Integer::sum);
                }
            }
        }
        List<FigureFacts.Group> list = new ArrayList<>();
        groups.forEach((k, g) -> list.add(new FigureFacts.Group((String) k.get(0), (Integer) k.get(1), (String) k.get(2),
                (String) k.get(3), (int) g[0], (int) g[1], g[2])));
        List<FigureFacts.Times> times = new ArrayList<>();
        moves.forEach((k, n) -> times.add(new FigureFacts.Times((String) k.get(0), (Integer) k.get(1), (String) k.get(2),
                (String) k.get(3), (Duration) k.get(4), (Duration) k.get(4), n)));
        Collections.reverse(list); // the store promises no order
        Collections.reverse(times);
        return new FigureFacts(list, times);
    }

    @Test
    void theStoresFactsGiveTheSameRowsAsOpeningEachApplication() {
        List<TrackedApplication> apps = applications();
        Map<String, ServiceDescriptor> known = new HashMap<>();
        apps.forEach(t -> known.put(t.descriptor().id() + " " + t.descriptor().version(), t.descriptor()));
        List<TrackedApplication> withGone = new ArrayList<>(apps);
        ServiceDescriptor gone = copy("police.gone", "police", 3);
        withGone.add(Fakes.app(gone, "G1", T1, "review", h(T1, 1), "done", h(T1, 5)));
        List<Rating> ratings = new ArrayList<>(ratings());
        ratings.add(new Rating("G1", "police.gone", "police", 2, null, h(T1, 6)));

        List<FigureRow> fromFacts = FigureMath.of(D1, D2, facts(withGone, ratings),
                (id, version) -> Optional.ofNullable(known.get(id + " " + version)), FigureMath.exactWaits(D1, D2, tokens()),
                FigureMath.exactBooked(D1, D2, appointments())).rows();
        assertEquals(rows(), fromFacts, "an application whose descriptor is not found is left out, as it was");
        assertEquals(new FigureRow("police", "police.cert", 4, 2.0, 3, Duration.ofHours(168), Duration.ofHours(240), 2.0 / 3,
                Duration.ofMinutes(10), 2.5, 2, 4, 2), fromFacts.get(3));
    }

    @Test
    void aMoveBackOutOfAFinalStateCountsFromTheFirstArrival() {
        List<TrackedApplication> apps = List.of(Fakes.app(police, "P1", T1, "done", h(T1, 5), "review", h(T1, 6),
                "done", h(T1, 200)));
        List<FigureRow> opened = new FigureMath(D1, D2, apps, List.of(), List.of(), List.of()).rows();
        List<FigureRow> fromFacts = FigureMath.of(D1, D2, facts(apps, List.of()),
                (id, version) -> Optional.of(police), List.of(), List.of()).rows();
        assertEquals(Duration.ofHours(5), opened.get(0).medianProcessing());
        assertEquals(opened, fromFacts);
    }

    private static FigureFacts.Times span(String state, int aboveHours, int upToHours, int moves) {
        return new FigureFacts.Times("police.cert", 1, "normal", state, Duration.ofHours(aboveHours),
                Duration.ofHours(upToHours), moves);
    }

    /** The store counts first moves per span of time: a span stands for its middle; it keeps a promise it ends in. */
    @Test
    void aSpanStandsForItsMiddleAndKeepsThePromiseWhenItEndsWithinIt() {
        FigureFacts facts = new FigureFacts(List.of(new FigureFacts.Group("police.cert", 1, "normal", null, 12, 0, 0)),
                List.of(span("done", 167, 168, 3), span("rejected", 168, 169, 1), span("review", 0, 1, 8)));
        List<FigureRow> rows = FigureMath.of(D1, D2, facts, (id, version) -> Optional.of(police), List.of(), List.of())
                .rows();
        FigureRow row = rows.get(1);
        assertEquals("police.cert", row.serviceId());
        assertEquals(4, row.finished(), "review is not final");
        assertEquals(Duration.ofMinutes(167 * 60 + 30), row.medianProcessing());
        assertEquals(Duration.ofMinutes(168 * 60 + 30), row.p90Processing());
        assertEquals(0.75, row.withinPromise(), "7 days promised: (167 h, 168 h] keeps it, (168 h, 169 h] does not");
    }

    @Test
    void countedPercentilesRankEachValueAsOftenAsItWasSeen() {
        List<Stats.Counted> d = List.of(new Stats.Counted(Duration.ofMinutes(10), 1),
                new Stats.Counted(Duration.ofMinutes(1), 3), new Stats.Counted(Duration.ofMinutes(4), 6));
        assertEquals(Duration.ofMinutes(4), Stats.countedPercentileOrNull(d, 0.5));
        assertEquals(Duration.ofMinutes(1), Stats.countedPercentileOrNull(d, 0.3));
        assertEquals(Duration.ofMinutes(4), Stats.countedPercentileOrNull(d, 0.9));
        assertEquals(Duration.ofMinutes(10), Stats.countedPercentileOrNull(d, 0.95));
        assertNull(Stats.countedPercentileOrNull(List.of(new Stats.Counted(Duration.ofMinutes(1), 0)), 0.5));
    }

    private static Appointment appointment(String code, LocalDate day, String state) {
        return new Appointment(code, "police.cert", day, LocalTime.of(9, 0), LocalTime.of(9, 30), "6110112345671", null,
                state, T1, T1, 0);
    }

    @Test
    void figuresOnAKnownSet() {
        List<FigureRow> rows = rows();
        assertEquals(List.of(
                new FigureRow("nadra", null, 2, 1.0, 2, Duration.ofHours(12), Duration.ofHours(30), 0.5,
                        Duration.ofMinutes(5), 5.0, 1, 0, 0),
                new FigureRow("nadra", "nadra.cnic", 2, 1.0, 2, Duration.ofHours(12), Duration.ofHours(30), 0.5,
                        Duration.ofMinutes(5), 5.0, 1, 0, 0),
                new FigureRow("police", null, 5, 2.5, 4, Duration.ofHours(48), Duration.ofHours(240), 0.75,
                        Duration.ofMinutes(10), 2.5, 2, 4, 2),
                new FigureRow("police", "police.cert", 4, 2.0, 3, Duration.ofHours(168), Duration.ofHours(240), 2.0 / 3,
                        Duration.ofMinutes(10), 2.5, 2, 4, 2),
                new FigureRow("police", "police.noc", 1, 0.5, 1, Duration.ofHours(24), Duration.ofHours(24), 1.0,
                        null, null, 0, 0, 0)), rows);
        assertNull(rows.get(4).medianQueueWait());
    }

    @Test
    void csvHasOneLinePerRowAndNoPersonalData() {
        assertEquals(FiguresCsv.HEADER + "\r\n"
                + "nadra,,2,1.00,2,12.00,30.00,0.50,5.00,5.00,1,0,0\r\n"
                + "nadra,nadra.cnic,2,1.00,2,12.00,30.00,0.50,5.00,5.00,1,0,0\r\n"
                + "police,,5,2.50,4,48.00,240.00,0.75,10.00,2.50,2,4,2\r\n"
                + "police,police.cert,4,2.00,3,168.00,240.00,0.67,10.00,2.50,2,4,2\r\n"
                + "police,police.noc,1,0.50,1,24.00,24.00,1.00,,,0,0,0\r\n", FiguresCsv.render(rows()));
    }

    @Test
    void nearestRankPercentiles() {
        List<Duration> d = List.of(Duration.ofMinutes(4), Duration.ofMinutes(10), Duration.ofMinutes(6), Duration.ofMinutes(1));
        assertEquals(Duration.ofMinutes(4), Stats.percentile(d, 0.5));
        assertEquals(Duration.ofMinutes(10), Stats.percentile(d, 0.9));
        assertEquals(Duration.ofMinutes(1), Stats.percentile(d, 0.01));
    }
}
