package org.khidmat.core.internal.centre;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code conf/org.khidmat.appointments.cfg.json}: appointment hours and the arrival rules (ASAN: check in no earlier
 * than 30 minutes before the slot; more than 10 minutes after its start cancels it). Defaults as in
 * {@code docs/configuration.md}; every one changes without a restart.
 */
@ObjectClassDefinition(id = AppointmentSettings.PID, name = "Khidmat appointments",
        description = "Appointment hours, slots, capacities and the arrival rules")
public @interface AppointmentConfig {
    @AttributeDefinition(description = "first slot of the day, HH:mm")
    String opens() default "09:00";

    @AttributeDefinition(description = "end of the last slot, HH:mm, after opens")
    String closes() default "16:00";

    @AttributeDefinition(min = "5", max = "480", description = "length of a slot in minutes")
    int slotMinutes() default 30;

    @AttributeDefinition(min = "0", max = "1000", description = "appointments per slot for every service")
    int capacity() default 4;

    @AttributeDefinition(description = "per-service capacity as <service id>=<n>", required = false)
    String[] serviceCapacity() default {};

    @AttributeDefinition(min = "0", max = "600", description = "check-in opens this many minutes before the slot")
    int earliestMinutes() default 30;

    @AttributeDefinition(min = "0", max = "600", description = "later than this many minutes after the start cancels")
    int latestMinutes() default 10;

    @AttributeDefinition(min = "1", max = "366", description = "days that can be booked, today included")
    int daysAhead() default 14;

    @AttributeDefinition(description = "week days with appointments")
    String[] days() default { "MON", "TUE", "WED", "THU", "FRI", "SAT" };

    @AttributeDefinition(description = "services that book for filed applications only", required = false)
    String[] needApplication() default {};
}
