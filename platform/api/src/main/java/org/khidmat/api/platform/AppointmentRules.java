package org.khidmat.api.platform;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

/**
 * How a centre gives appointments, from its configuration ({@code conf/org.khidmat.appointments.cfg.json}).
 *
 * @param opens the first slot's start
 * @param closes when the last slot ends
 * @param slot the length of a slot
 * @param capacity appointments per slot for a service without a capacity of its own
 * @param capacities appointments per slot by service id, overriding {@code capacity}
 * @param earliest how long before its slot starts an appointment may check in (ASAN: 30 minutes)
 * @param latest how long after its slot starts it still may (ASAN: 10 minutes); later cancels it
 * @param daysAhead how many days ahead, today included, can be booked
 * @param days the week days the centre gives appointments
 */
public record AppointmentRules(LocalTime opens, LocalTime closes, Duration slot, int capacity,
        Map<String, Integer> capacities, Duration earliest, Duration latest, int daysAhead, Set<DayOfWeek> days) {

    /** @param serviceId a service; @return its appointments per slot */
    public int capacity(String serviceId) {
        return capacities.getOrDefault(serviceId, capacity);
    }
}
