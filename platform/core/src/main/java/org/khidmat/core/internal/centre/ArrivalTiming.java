package org.khidmat.core.internal.centre;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.khidmat.api.platform.Appointment;
import org.khidmat.api.platform.AppointmentRules;
import org.khidmat.api.platform.ArrivalResult.Outcome;

/**
 * The arrival rules at check-in, by the clock alone: an appointment is checked in on its day, from
 * {@link AppointmentRules#earliest} before its start to {@link AppointmentRules#latest} after it; later it is missed
 * (late at a kiosk, a no-show at the sweep).
 */
final class ArrivalTiming {
    static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    /** What the clock says of an arrival: {@link Outcome#CHECKED_IN} when it is in time, with the citizen's words. */
    record Verdict(Outcome outcome, String message) {
    }

    private ArrivalTiming() {
    }

    /** @param a an appointment not checked in yet */
    static Verdict of(Appointment a, LocalDateTime now, AppointmentRules rules) {
        boolean booked = Appointment.BOOKED.equals(a.state());
        if (!booked || a.day().isBefore(now.toLocalDate())) {
            return new Verdict(Outcome.NOT_VALID, "this appointment is " + (booked ? "over" : a.state())
                    + "; take a token or book a new appointment");
        }
        if (a.day().isAfter(now.toLocalDate())) {
            return new Verdict(Outcome.NOT_VALID, "your appointment is on " + a.day() + " at " + HOUR.format(a.start())
                    + ", not today");
        }
        LocalDateTime earliest = a.day().atTime(a.start()).minus(rules.earliest());
        if (now.isBefore(earliest)) {
            return new Verdict(Outcome.TOO_EARLY, "too early: check in from " + HOUR.format(earliest)
                    + " for your appointment at " + HOUR.format(a.start()));
        }
        if (missed(a, now, rules)) {
            return new Verdict(Outcome.TOO_LATE, "more than " + rules.latest().toMinutes() + " minutes late: the "
                    + "appointment at " + HOUR.format(a.start()) + " is cancelled; take a token or book again");
        }
        return new Verdict(Outcome.CHECKED_IN, null);
    }

    /** @return whether the last moment to check in for {@code a} has passed */
    static boolean missed(Appointment a, LocalDateTime now, AppointmentRules rules) {
        return now.isAfter(a.day().atTime(a.start()).plus(rules.latest()));
    }
}
