package org.khidmat.core.internal.centre;

import org.khidmat.core.internal.SharedMemory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.AppointmentRules;
import org.khidmat.api.platform.BookingResult;
import org.khidmat.api.platform.BookingResult.Outcome;
import org.khidmat.api.platform.Catalogue;

/**
 * Holes found from outside in booking: the answer to a second booking with a known CNIC gave the held booking's code
 * and application reference (with them a stranger cancelled it and read the application); one client booked every
 * place with random CNICs; a service that asks for an application took bookings without one.
 */
class BookingLimitsTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final String SERVICE = "police.cert";
    private final ServiceDescriptor police = Fakes.police();
    private final QueueDeskTest.MovingClock clock = new QueueDeskTest.MovingClock(Instant.parse("2026-03-02T05:00:00Z"));
    private final Fakes.Audit audit = new Fakes.Audit();
    private final AppointmentDeskTest.Rows store = new AppointmentDeskTest.Rows();
    private final Catalogue catalogue = Fakes.catalogue(police);
    private final Fakes.Apps apps = new Fakes.Apps().add(Fakes.app(police, "KM7Q-4XPA-K", clock.instant()));
    private final AppointmentRules rules = new AppointmentRules(LocalTime.of(9, 0), LocalTime.of(16, 0),
            Duration.ofMinutes(30), 2, Map.of(), Duration.ofMinutes(30), Duration.ofMinutes(10), 7,
            EnumSet.complementOf(EnumSet.of(DayOfWeek.SUNDAY)));

    private AppointmentDesk desk(Set<String> needApplication) {
        return new AppointmentDesk(store, catalogue, apps, new QueueDesk(new Fakes.Queue(), catalogue, apps, audit, clock),
                audit, rules, clock, needApplication, new SharedMemory(clock).leases());
    }

    @Test
    void aSecondBookingWithTheSameCnicNeverTellsTheHeldCodeOrReference() {
        AppointmentDesk desk = desk(Set.of());
        BookingResult mine = desk.book(SERVICE, MONDAY, LocalTime.of(11, 0), Fakes.CNIC, "KM7Q-4XPA-K");
        assertEquals(Outcome.BOOKED, mine.outcome(), mine.message());
        assertEquals("KM7Q-4XPA-K", mine.appointment().reference(), "the booker is told what she booked");
        BookingResult stranger = desk.book(SERVICE, MONDAY, LocalTime.of(12, 0), Fakes.CNIC, null);
        assertEquals(Outcome.ALREADY_BOOKED, stranger.outcome());
        assertNull(stranger.appointment(), "no appointment (code, reference) in the answer");
        assertFalse(stranger.message().contains(mine.appointment().code()), stranger.message());
        assertFalse(stranger.message().contains("KM7Q"), stranger.message());
        assertFalse(stranger.message().contains("11:00"), "not even when: " + stranger.message());
    }

    @Test
    void aServiceThatAsksForAnApplicationTakesNoBookingWithoutOne() {
        AppointmentDesk desk = desk(Set.of(SERVICE));
        BookingResult none = desk.book(SERVICE, MONDAY, LocalTime.of(11, 0), "6110112345672", null);
        assertEquals(Outcome.INVALID, none.outcome());
        assertTrue(none.message().contains("application"), none.message());
        BookingResult wrong = desk.book(SERVICE, MONDAY, LocalTime.of(11, 0), "6110112345672", "KM7Q-4XPA-K");
        assertEquals(Outcome.INVALID, wrong.outcome(), "someone else's application");
        assertEquals(Outcome.BOOKED, desk.book(SERVICE, MONDAY, LocalTime.of(11, 0), Fakes.CNIC, "KM7Q-4XPA-K").outcome());
        assertEquals(1, store.rows.size());
    }

    @Test
    void oneApplicationHoldsOneBookingAtATime() {
        AppointmentDesk desk = desk(Set.of());
        assertEquals(Outcome.BOOKED, desk.book(SERVICE, MONDAY, LocalTime.of(11, 0), Fakes.CNIC, "KM7Q-4XPA-K").outcome());
        assertEquals(Outcome.ALREADY_BOOKED, desk.book(SERVICE, MONDAY, LocalTime.of(12, 0), Fakes.CNIC, "KM7Q-4XPA-K")
                .outcome());
    }

    @Test
    void aCnicHoldsAtMostAFewOpenBookingsAcrossServices() {
        ServiceDescriptor[] many = new ServiceDescriptor[BookingLimits.OPEN_PER_CNIC + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = Fakes.renamed(police, "police.cert" + i);
        }
        Catalogue all = Fakes.catalogue(many);
        AppointmentDesk desk = new AppointmentDesk(store, all, apps, new QueueDesk(new Fakes.Queue(), all, apps, audit, clock),
                audit, rules, clock, Set.of(), new SharedMemory(clock).leases());
        for (int i = 0; i < BookingLimits.OPEN_PER_CNIC; i++) {
            assertEquals(Outcome.BOOKED, desk.book("police.cert" + i, MONDAY, LocalTime.of(11, 0), Fakes.CNIC, null).outcome(),
                    "booking " + (i + 1));
        }
        BookingResult over = desk.book("police.cert" + BookingLimits.OPEN_PER_CNIC, MONDAY, LocalTime.of(11, 0), Fakes.CNIC,
                null);
        assertEquals(Outcome.ALREADY_BOOKED, over.outcome());
        assertNull(over.appointment());
        assertTrue(over.message().contains(Integer.toString(BookingLimits.OPEN_PER_CNIC)), over.message());
    }
}
