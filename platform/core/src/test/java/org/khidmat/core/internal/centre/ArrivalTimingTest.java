package org.khidmat.core.internal.centre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.Appointment;
import org.khidmat.api.platform.AppointmentRules;
import org.khidmat.api.platform.ArrivalResult.Outcome;

/** The arrival rules by the clock alone: an 11:00 appointment checks in from 10:30 to 11:10 on its day. */
class ArrivalTimingTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final AppointmentRules RULES = new AppointmentRules(LocalTime.of(9, 0), LocalTime.of(16, 0),
            Duration.ofMinutes(30), 2, Map.of(), Duration.ofMinutes(30), Duration.ofMinutes(10), 7,
            EnumSet.allOf(DayOfWeek.class));

    private static Appointment at(LocalDate day, String state) {
        return new Appointment("KM7Q-4XPA-K", "police.cert", day, LocalTime.of(11, 0), LocalTime.of(11, 30),
                "6110112345671", null, state, Instant.EPOCH, Instant.EPOCH, 0);
    }

    private static ArrivalTiming.Verdict arriving(Appointment a, int hour, int minute) {
        return ArrivalTiming.of(a, MONDAY.atTime(hour, minute), RULES);
    }

    @Test
    void anAppointmentChecksInFromItsEarliestToItsLatestMinuteBothIncluded() {
        Appointment a = at(MONDAY, Appointment.BOOKED);
        ArrivalTiming.Verdict early = arriving(a, 10, 29);
        assertEquals(Outcome.TOO_EARLY, early.outcome());
        assertEquals("too early: check in from 10:30 for your appointment at 11:00", early.message());
        assertEquals(Outcome.CHECKED_IN, arriving(a, 10, 30).outcome(), "the earliest minute");
        assertNull(arriving(a, 10, 30).message());
        assertEquals(Outcome.CHECKED_IN, arriving(a, 11, 10).outcome(), "the latest minute");
        assertFalse(ArrivalTiming.missed(a, MONDAY.atTime(11, 10), RULES));
        ArrivalTiming.Verdict late = ArrivalTiming.of(a, MONDAY.atTime(11, 10, 1), RULES);
        assertEquals(Outcome.TOO_LATE, late.outcome());
        assertEquals("more than 10 minutes late: the appointment at 11:00 is cancelled; take a token or book again",
                late.message());
        assertTrue(ArrivalTiming.missed(a, MONDAY.atTime(11, 10, 1), RULES), "the sweep's no-show rule is the same");
    }

    @Test
    void anotherDayOrAnAppointmentNoLongerBookedIsNotValid() {
        ArrivalTiming.Verdict tomorrow = arriving(at(MONDAY.plusDays(1), Appointment.BOOKED), 11, 0);
        assertEquals(Outcome.NOT_VALID, tomorrow.outcome());
        assertEquals("your appointment is on 2026-03-03 at 11:00, not today", tomorrow.message());
        ArrivalTiming.Verdict yesterday = arriving(at(MONDAY.minusDays(1), Appointment.BOOKED), 9, 0);
        assertEquals("this appointment is over; take a token or book a new appointment", yesterday.message());
        ArrivalTiming.Verdict cancelled = arriving(at(MONDAY, Appointment.CANCELLED), 11, 0);
        assertEquals(Outcome.NOT_VALID, cancelled.outcome());
        assertEquals("this appointment is " + Appointment.CANCELLED + "; take a token or book a new appointment",
                cancelled.message());
    }

    @Test
    void anEarlyMorningAppointmentIsNotMissedTheEveningBefore() {
        Appointment early = new Appointment("KM7Q-4XPA-K", "police.cert", MONDAY, LocalTime.of(0, 5), LocalTime.of(0, 35),
                "6110112345671", null, Appointment.BOOKED, Instant.EPOCH, Instant.EPOCH, 0);
        LocalDateTime eveningBefore = MONDAY.minusDays(1).atTime(23, 50);
        assertEquals(Outcome.NOT_VALID, ArrivalTiming.of(early, eveningBefore, RULES).outcome(), "not today yet");
        assertFalse(ArrivalTiming.missed(early, eveningBefore, RULES));
    }
}
