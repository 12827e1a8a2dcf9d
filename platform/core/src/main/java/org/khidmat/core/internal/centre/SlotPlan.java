package org.khidmat.core.internal.centre;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.khidmat.api.platform.AppointmentRules;
import org.khidmat.api.platform.Slot;

/**
 * Which days and slots the appointment rules open, from a given moment: the open weekdays of the next
 * {@code daysAhead} days; on a day, the slots from opening that end by closing (none that would run past midnight),
 * those not started yet, each with the service's capacity and what is booked of it.
 */
final class SlotPlan {
    private SlotPlan() {
    }

    /** @return the days bookable from {@code today} on, today first */
    static List<LocalDate> days(AppointmentRules rules, LocalDate today) {
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < rules.daysAhead(); i++) {
            LocalDate d = today.plusDays(i);
            if (rules.days().contains(d.getDayOfWeek())) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * @param day a day of {@link #days}
     * @param booked the places booked of each slot of that day, by its start
     * @return the slots of {@code day} not started at {@code now}, in order
     */
    static List<Slot> slots(AppointmentRules rules, String serviceId, LocalDate day, LocalDateTime now,
            Map<LocalTime, Integer> booked) {
        int capacity = rules.capacity(serviceId);
        List<Slot> out = new ArrayList<>();
        for (LocalTime start = rules.opens(); !start.plus(rules.slot()).isAfter(rules.closes())
                && !start.plus(rules.slot()).isBefore(start); start = start.plus(rules.slot())) {
            if (day.atTime(start).isAfter(now)) {
                out.add(new Slot(serviceId, day, start, start.plus(rules.slot()), capacity, booked.getOrDefault(start, 0)));
            }
        }
        return out;
    }
}
