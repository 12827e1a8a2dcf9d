package org.khidmat.core.internal.centre;

import org.khidmat.core.internal.SharedMemory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.Appointment;
import org.khidmat.api.platform.AppointmentRules;
import org.khidmat.api.store.AppointmentStore;
import org.khidmat.api.platform.ArrivalResult;
import org.khidmat.api.platform.BookingResult;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.QueueToken;
import org.khidmat.api.platform.Slot;

/**
 * The appointment rules on a Monday at 10:00 in the centre (05:00 UTC): slots 09:00-16:00 of 30 minutes, 2 places
 * each, check-in from 30 minutes before to 10 minutes after the slot's start.
 */
class AppointmentDeskTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final String SERVICE = "police.cert";
    private static final String OTHER = "6110112345672";
    private final ServiceDescriptor police = Fakes.police();
    private final QueueDeskTest.MovingClock clock = new QueueDeskTest.MovingClock(Instant.parse("2026-03-02T05:00:00Z"));
    private final Fakes.Audit audit = new Fakes.Audit();
    private final Fakes.Queue tokens = new Fakes.Queue();
    private final Rows store = new Rows();
    private final Catalogue catalogue = Fakes.catalogue(police);
    private final Fakes.Apps apps = new Fakes.Apps().add(Fakes.app(police, "KM7Q-4XPA-K", clock.instant()));
    private final AppointmentRules rules = new AppointmentRules(LocalTime.of(9, 0), LocalTime.of(16, 0),
            Duration.ofMinutes(30), 2, Map.of(), Duration.ofMinutes(30), Duration.ofMinutes(10), 7,
            EnumSet.complementOf(EnumSet.of(DayOfWeek.SUNDAY)));
    private final SharedMemory shared = new SharedMemory(clock);
    private final AppointmentDesk desk = node("node-a");

    /** A desk of a node over the same store and leases as the others (one database). */
    private AppointmentDesk node(String name) {
        return new AppointmentDesk(store, catalogue, apps, new QueueDesk(tokens, catalogue, apps, audit, clock), audit,
                rules, clock, java.util.Set.of(), shared.leases(), () -> name);
    }

    /** Appointments in memory, with the same place-keeping as the SQLite store. */
    static final class Rows implements AppointmentStore {
        final Map<String, Appointment> rows = new LinkedHashMap<>();
        final Map<String, Integer> booked = new HashMap<>();
        final Map<String, String> centreOf = new HashMap<>();

        private static String slot(String centre, String service, LocalDate day, LocalTime start) {
            return centre + "/" + service + "/" + day + "/" + start;
        }

        @Override
        public synchronized boolean book(String centre, Appointment a, int capacity) {
            String key = slot(centre, a.serviceId(), a.day(), a.start());
            if (booked.getOrDefault(key, 0) >= capacity) {
                return false;
            }
            booked.merge(key, 1, Integer::sum);
            rows.put(a.code(), a);
            centreOf.put(a.code(), centre);
            return true;
        }

        @Override
        public synchronized Map<LocalTime, Integer> booked(String centre, String serviceId, LocalDate day) {
            Map<LocalTime, Integer> out = new TreeMap<>();
            booked.forEach((k, v) -> {
                String[] p = k.split("/");
                if (p[0].equals(centre) && p[1].equals(serviceId) && p[2].equals(day.toString())) {
                    out.put(LocalTime.parse(p[3]), v);
                }
            });
            return out;
        }

        @Override
        public synchronized Optional<Appointment> find(String centre, String code) {
            return Optional.ofNullable(rows.get(code)).filter(a -> centre.equals(centreOf.get(code)));
        }

        private boolean at(String centre, Appointment a) {
            return centre.equals(centreOf.get(a.code()));
        }

        @Override
        public synchronized Optional<Appointment> find(String code) {
            return Optional.ofNullable(rows.get(code));
        }

        @Override
        public synchronized List<Appointment> bookedBy(String cnic, String serviceId, LocalDate from) {
            return rows.values().stream().filter(a -> a.cnic().equals(cnic) && a.serviceId().equals(serviceId)
                    && a.state().equals(Appointment.BOOKED) && !a.day().isBefore(from)).toList();
        }

        @Override
        public synchronized boolean move(String code, String from, String to, Instant at, long tokenId) {
            Appointment a = rows.get(code);
            if (a == null || !a.state().equals(from)) {
                return false;
            }
            rows.put(code, new Appointment(a.code(), a.serviceId(), a.day(), a.start(), a.end(), a.cnic(), a.reference(),
                    to, a.bookedAt(), at, tokenId == 0 ? a.tokenId() : tokenId));
            if (to.equals(Appointment.CANCELLED) || to.equals(Appointment.LATE)) {
                booked.merge(slot(centreOf.get(code), a.serviceId(), a.day(), a.start()), -1, Integer::sum);
            }
            return true;
        }

        @Override
        public synchronized List<Appointment> onDay(String centre, LocalDate day) {
            return rows.values().stream().filter(a -> at(centre, a) && a.day().equals(day)).toList();
        }

        @Override
        public synchronized List<Appointment> between(String centre, LocalDate from, LocalDate to) {
            return rows.values().stream().filter(a -> (centre == null || at(centre, a)) && !a.day().isBefore(from)
                    && !a.day().isAfter(to))
                    .toList();
        }

        @Override
        public synchronized List<Appointment> bookedUpTo(String centre, LocalDate day) {
            return new ArrayList<>(rows.values().stream().filter(a -> at(centre, a) && a.state().equals(Appointment.BOOKED)
                    && !a.day().isAfter(day)).sorted(Comparator.comparing(Appointment::start)).toList());
        }
    }

    private Appointment book(int hour, int minute, String cnic) {
        BookingResult r = desk.book(SERVICE, MONDAY, LocalTime.of(hour, minute), cnic, null);
        assertEquals(BookingResult.Outcome.BOOKED, r.outcome(), r.message());
        return r.appointment();
    }

    private void at(int hour, int minute) {
        clock.now = MONDAY.atTime(hour, minute).atZone(org.khidmat.core.internal.config.CentreZone.DEFAULT).toInstant();
    }

    @Test
    void aChangeOfTheHoursIsTakenWithoutARestart() {
        desk.modified(org.khidmat.core.internal.config.Configs.of(AppointmentConfig.class, Map.of("opens", "11:00",
                "closes", "13:00", "slotMinutes", 60, "days", new String[] { "MON", "TUE" })));
        List<Slot> slots = desk.slots(SERVICE, MONDAY);
        assertEquals(List.of(LocalTime.of(11, 0), LocalTime.of(12, 0)), slots.stream().map(Slot::start).toList());
        assertEquals(4, slots.get(0).free(), "the default capacity");
        assertEquals(List.of(), desk.slots(SERVICE, MONDAY.plusDays(2)), "Wednesday has no appointments now");
    }

    @Test
    void closingBeforeOpeningKeepsTheHoursInForce() {
        desk.modified(org.khidmat.core.internal.config.Configs.of(AppointmentConfig.class, Map.of("opens", "12:00",
                "closes", "10:00", "serviceCapacity", new String[] { SERVICE + "=7", "broken" })));
        assertEquals(LocalTime.of(9, 0), desk.rules().opens());
        assertEquals(LocalTime.of(16, 0), desk.rules().closes());
        assertEquals(7, desk.rules().capacity(SERVICE), "the good values are taken");
    }

    @Test
    void todaysSlotsStartAfterNowAndShowTheirFreePlaces() {
        List<Slot> slots = desk.slots(SERVICE, MONDAY);
        assertEquals(LocalTime.of(10, 30), slots.get(0).start(), "10:00 has started");
        assertEquals(LocalTime.of(15, 30), slots.get(slots.size() - 1).start(), "the last slot ends at closing");
        assertEquals(11, slots.size());
        book(10, 30, Fakes.CNIC);
        assertEquals(1, desk.slots(SERVICE, MONDAY).get(0).free());
        assertEquals(14, desk.slots(SERVICE, MONDAY.plusDays(1)).size(), "a whole day tomorrow");
        assertEquals(List.of(), desk.slots(SERVICE, LocalDate.of(2026, 3, 8)), "Sunday is closed");
        assertEquals(List.of(), desk.slots(SERVICE, MONDAY.plusDays(7)), "beyond the days ahead");
        assertEquals(List.of(), desk.slots("nobody.none", MONDAY));
        assertEquals(6, desk.days().size(), "Monday to Saturday of the 7 days from today");
    }

    @Test
    void aFullSlotIsRefusedAndACitizenHoldsOneAppointmentPerService() {
        Appointment first = book(11, 0, Fakes.CNIC);
        BookingResult again = desk.book(SERVICE, MONDAY, LocalTime.of(11, 30), "61101-1234567-1", null);
        assertEquals(BookingResult.Outcome.ALREADY_BOOKED, again.outcome());
        assertTrue(again.appointment() == null, "never the held booking's code or reference to whoever knows the CNIC");
        assertFalse(again.message().contains(first.code()), again.message());
        book(11, 0, OTHER);
        BookingResult full = desk.book(SERVICE, MONDAY, LocalTime.of(11, 0), "6110112345673", null);
        assertEquals(BookingResult.Outcome.FULL, full.outcome());
        assertTrue(full.message().contains("11:00 is full"), full.message());
        assertEquals(BookingResult.Outcome.NO_SUCH_SLOT,
                desk.book(SERVICE, MONDAY, LocalTime.of(9, 30), "6110112345673", null).outcome(), "started already");
        assertEquals(BookingResult.Outcome.NO_SUCH_SLOT,
                desk.book(SERVICE, MONDAY, LocalTime.of(11, 10), "6110112345673", null).outcome(), "not a slot start");
        assertEquals(BookingResult.Outcome.INVALID,
                desk.book(SERVICE, MONDAY, LocalTime.of(12, 0), "12345", null).outcome());
        assertEquals(BookingResult.Outcome.INVALID,
                desk.book(SERVICE, MONDAY, LocalTime.of(12, 0), OTHER, "KM7Q-4XPA-K").outcome(),
                "someone else's application");
        assertEquals("KM7Q-4XPA-K", desk.book(SERVICE, MONDAY, LocalTime.of(12, 0), "6110112345673", null).outcome()
                == BookingResult.Outcome.BOOKED ? "KM7Q-4XPA-K" : "not booked");
        assertEquals(2, store.rows.size() - 1, "two at 11:00 and one at 12:00 besides");
        assertEquals(3, audit.count("appointment.book"));
    }

    @Test
    void checkInOpensThirtyMinutesBeforeAndGivesATokenCalledBeforeWalkIns() {
        Appointment a = book(11, 0, Fakes.CNIC);
        at(10, 29);
        ArrivalResult early = desk.arrive(a.code(), Fakes.CNIC);
        assertEquals(ArrivalResult.Outcome.TOO_EARLY, early.outcome());
        assertTrue(early.message().contains("check in from 10:30"), early.message());
        QueueToken walkIn = new QueueDesk(tokens, catalogue, apps, audit, clock).take(SERVICE, null);
        at(10, 30);
        ArrivalResult in = desk.arrive(a.code().toLowerCase().replace("-", ""), "61101-1234567-1");
        assertEquals(ArrivalResult.Outcome.CHECKED_IN, in.outcome(), in.message());
        assertEquals(a.code(), in.token().appointment());
        assertEquals(Appointment.CHECKED_IN, store.rows.get(a.code()).state());
        assertEquals(in.token().id(), store.rows.get(a.code()).tokenId());
        ArrivalResult twice = desk.arrive(a.code(), Fakes.CNIC);
        assertEquals(ArrivalResult.Outcome.ALREADY_CHECKED_IN, twice.outcome());
        assertEquals(in.token().id(), twice.token().id(), "the same token, not a second one");
        assertEquals(2, tokens.tokens.size());
        assertEquals(in.token().id(), new QueueDesk(tokens, catalogue, apps, audit, clock).callNext(1, "op").orElseThrow().id(),
                "the appointment is called before the earlier walk-in " + walkIn.number());
    }

    @Test
    void moreThanTenMinutesLateCancelsAndGivesThePlaceBack() {
        Appointment onTime = book(10, 30, Fakes.CNIC);
        Appointment late = book(10, 30, OTHER);
        at(10, 40);
        assertEquals(ArrivalResult.Outcome.CHECKED_IN, desk.arrive(onTime.code(), Fakes.CNIC).outcome(), "10 minutes is in time");
        clock.plus(Duration.ofSeconds(1));
        ArrivalResult r = desk.arrive(late.code(), OTHER);
        assertEquals(ArrivalResult.Outcome.TOO_LATE, r.outcome());
        assertEquals(Appointment.LATE, store.rows.get(late.code()).state());
        assertEquals(1, store.booked(SERVICE, MONDAY).get(LocalTime.of(10, 30)), "the late one's place is free again");
        assertEquals(ArrivalResult.Outcome.NOT_VALID, desk.arrive(late.code(), OTHER).outcome(), "cancelled stays cancelled");
        assertEquals(1, tokens.tokens.size(), "no token for the late one");
    }

    @Test
    void missedAppointmentsAreMarkedAsNoShowsOnce() {
        Appointment missed = book(10, 30, Fakes.CNIC);
        Appointment later = book(11, 0, OTHER);
        at(10, 40);
        assertEquals(0, desk.markNoShows(), "still within the 10 minutes");
        at(10, 41);
        assertEquals(1, desk.markNoShows());
        assertEquals(0, desk.markNoShows(), "marked once");
        assertEquals(Appointment.NO_SHOW, store.rows.get(missed.code()).state());
        assertEquals(Appointment.BOOKED, store.rows.get(later.code()).state());
        assertEquals("61101-*******-2", desk.onDay(MONDAY).get(1).cnic(), "CNICs masked in the day's list");
    }

    @Test
    void theNoShowSweepRunsOnOneNodeAtATimeAndAnotherTakesOverWhenItDies() {
        AppointmentDesk nodeB = node("node-b");
        Appointment missed = book(10, 30, Fakes.CNIC);
        at(10, 41);
        assertTrue(desk.sweeper().tick(), "node a takes the lease and sweeps");
        assertFalse(nodeB.sweeper().tick(), "node b does not sweep while a holds it");
        assertEquals(Appointment.NO_SHOW, store.rows.get(missed.code()).state());
        assertEquals(1, audit.count("appointment.no-show"), "marked once, by one node");
        clock.plus(Duration.ofMinutes(1));
        assertTrue(desk.sweeper().tick(), "a renews at its next tick");
        // node a dies: it ticks no more and releases nothing
        clock.plus(Duration.ofMinutes(1));
        assertFalse(nodeB.sweeper().tick(), "a's lease still runs");
        clock.plus(NoShowSweeper.TTL);
        assertTrue(nodeB.sweeper().tick(), "within the lease time after a's last tick, b takes over");
        assertFalse(desk.sweeper().tick(), "a, back, finds b sweeping");
        nodeB.stop();
        assertTrue(desk.sweeper().tick(), "b stopped cleanly and gave the lease up: a takes it at once");
    }

    @Test
    void findAndCancelNeedTheSameCnic() {
        Appointment a = book(12, 0, Fakes.CNIC);
        assertTrue(desk.find(a.code(), OTHER).isEmpty());
        assertTrue(desk.cancel(a.code(), OTHER).isEmpty());
        assertNotNull(desk.find(a.code(), Fakes.CNIC).orElseThrow());
        assertEquals(Appointment.CANCELLED, desk.cancel(a.code(), Fakes.CNIC).orElseThrow().state());
        assertEquals(2, desk.slots(SERVICE, MONDAY).stream().filter(s -> s.start().equals(LocalTime.of(12, 0)))
                .findFirst().orElseThrow().free());
        assertTrue(desk.cancel(a.code(), Fakes.CNIC).isEmpty(), "cancelled once");
    }
}
