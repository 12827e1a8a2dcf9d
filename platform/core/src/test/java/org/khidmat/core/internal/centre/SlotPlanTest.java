package org.khidmat.core.internal.centre;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.AppointmentRules;
import org.khidmat.api.platform.Slot;

/** Which days and slots the rules open, by arithmetic alone. */
class SlotPlanTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    private static AppointmentRules rules(LocalTime opens, LocalTime closes, int minutes) {
        return new AppointmentRules(opens, closes, Duration.ofMinutes(minutes), 2, Map.of("police.cert", 5),
                Duration.ofMinutes(30), Duration.ofMinutes(10), 7, EnumSet.complementOf(EnumSet.of(DayOfWeek.SUNDAY)));
    }

    private static List<LocalTime> starts(List<Slot> slots) {
        return slots.stream().map(Slot::start).toList();
    }

    @Test
    void theDaysAreTheOpenWeekdaysOfTheDaysAhead() {
        List<LocalDate> days = SlotPlan.days(rules(LocalTime.of(9, 0), LocalTime.of(16, 0), 30), MONDAY.minusDays(1));
        assertEquals(List.of(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(2), MONDAY.plusDays(3), MONDAY.plusDays(4),
                MONDAY.plusDays(5)), days, "Sunday to Saturday, Sunday closed");
    }

    @Test
    void aSlotThatWouldEndAfterClosingIsNotOffered() {
        List<Slot> slots = SlotPlan.slots(rules(LocalTime.of(9, 0), LocalTime.of(12, 0), 50), "police.cert", MONDAY,
                MONDAY.atTime(8, 0), Map.of());
        assertEquals(List.of(LocalTime.of(9, 0), LocalTime.of(9, 50), LocalTime.of(10, 40)), starts(slots),
                "11:30 would end at 12:20");
        assertEquals(LocalTime.of(11, 30), slots.get(2).end());
    }

    @Test
    void slotsStopAtMidnightRatherThanGoRoundTheClock() {
        List<Slot> slots = SlotPlan.slots(rules(LocalTime.of(22, 0), LocalTime.of(23, 59), 30), "police.cert", MONDAY,
                MONDAY.atTime(8, 0), Map.of());
        assertEquals(List.of(LocalTime.of(22, 0), LocalTime.of(22, 30), LocalTime.of(23, 0)), starts(slots));
    }

    @Test
    void aSlotStartedIsGoneAndEachCarriesTheServicesCapacityAndItsBookings() {
        List<Slot> slots = SlotPlan.slots(rules(LocalTime.of(9, 0), LocalTime.of(11, 0), 30), "police.cert", MONDAY,
                MONDAY.atTime(9, 30), Map.of(LocalTime.of(10, 0), 3));
        assertEquals(List.of(LocalTime.of(10, 0), LocalTime.of(10, 30)), starts(slots), "09:30 has started");
        assertEquals(5, slots.get(0).capacity(), "the service's own capacity");
        assertEquals(2, slots.get(0).free());
        assertEquals(5, slots.get(1).free());
        assertEquals(2, SlotPlan.slots(rules(LocalTime.of(9, 0), LocalTime.of(11, 0), 30), "other.service", MONDAY,
                MONDAY.atTime(8, 0), Map.of()).get(0).capacity(), "the default capacity");
    }
}
