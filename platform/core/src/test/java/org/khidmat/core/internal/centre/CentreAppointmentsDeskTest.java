package org.khidmat.core.internal.centre;

import org.khidmat.core.internal.SharedMemory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.AppointmentRules;
import org.khidmat.api.platform.BookingResult;

/** Two centres' appointment desks over one store: capacity and appointments are each centre's own. */
class CentreAppointmentsDeskTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private final ServiceDescriptor police = Fakes.police();
    private final AppointmentDeskTest.Rows store = new AppointmentDeskTest.Rows();
    private final QueueDeskTest.MovingClock clock = new QueueDeskTest.MovingClock(Instant.parse("2026-03-01T05:00:00Z"));
    private final AppointmentRules oneASlot = new AppointmentRules(LocalTime.of(9, 0), LocalTime.of(12, 0),
            Duration.ofMinutes(30), 1, Map.of(), Duration.ofMinutes(30), Duration.ofMinutes(10), 14,
            EnumSet.complementOf(EnumSet.of(DayOfWeek.SUNDAY)));

    private AppointmentDesk desk(String centre) {
        Fakes.Apps apps = new Fakes.Apps();
        Fakes.Audit audit = new Fakes.Audit();
        return new AppointmentDesk(centre, store, Fakes.catalogue(police), apps,
                new QueueDesk(centre, QueueDesk.NO_EVENTS, new Fakes.Queue(), Fakes.catalogue(police), apps, audit, clock),
                audit, oneASlot, clock, Set.of(), new SharedMemory(clock).leases(), () -> "node-" + centre);
    }

    @Test
    void aFullSlotInOneCentreIsFreeInAnother() {
        AppointmentDesk islamabad = desk("isb-g11");
        AppointmentDesk lahore = desk("lhr-01");
        BookingResult first = islamabad.book(police.id(), MONDAY, LocalTime.of(9, 0), "3520212345601", null);
        assertEquals(BookingResult.Outcome.BOOKED, first.outcome(), first.message());
        assertEquals(BookingResult.Outcome.FULL,
                islamabad.book(police.id(), MONDAY, LocalTime.of(9, 0), "3520212345602", null).outcome());
        BookingResult inLahore = lahore.book(police.id(), MONDAY, LocalTime.of(9, 0), "3520212345602", null);
        assertEquals(BookingResult.Outcome.BOOKED, inLahore.outcome(), inLahore.message());
        assertTrue(lahore.find(first.appointment().code(), "3520212345601").isEmpty(),
                "Lahore's kiosk does not know Islamabad's appointment");
        assertTrue(islamabad.find(first.appointment().code(), "3520212345601").isPresent());
    }
}
