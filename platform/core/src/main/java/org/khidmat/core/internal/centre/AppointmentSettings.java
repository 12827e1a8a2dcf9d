package org.khidmat.core.internal.centre;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.khidmat.api.platform.AppointmentRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appointment rules a configuration gives. The launcher checks each value against its type and range before it
 * reaches Config Admin; what only the whole can tell (closing after opening) or a configuration made another way is
 * checked here: a value that cannot be used is reported with its key and the fix, and the rules in force keep theirs.
 *
 * @param rules the rules
 * @param needApplication the services that book appointments for filed applications only
 */
record AppointmentSettings(AppointmentRules rules, Set<String> needApplication) {
    static final String PID = "org.khidmat.appointments";
    private static final Logger LOG = LoggerFactory.getLogger(AppointmentSettings.class);
    static final AppointmentSettings DEFAULT = new AppointmentSettings(new AppointmentRules(LocalTime.of(9, 0),
            LocalTime.of(16, 0), Duration.ofMinutes(30), 4, Map.of(), Duration.ofMinutes(30), Duration.ofMinutes(10), 14,
            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY,
                    DayOfWeek.SATURDAY)), Set.of());

    /**
     * @param c the configuration
     * @param previous the settings in force
     * @return the settings it gives, the previous value standing for each one it cannot use
     */
    static AppointmentSettings from(AppointmentConfig c, AppointmentSettings previous) {
        AppointmentRules p = previous.rules();
        LocalTime opens = time("opens", c.opens(), p.opens());
        LocalTime closes = time("closes", c.closes(), p.closes());
        if (!closes.isAfter(opens)) {
            LOG.error("appointments: {}: closes ({}) is not after opens ({}); write a later closes; keeping {} to {}", PID,
                    closes, opens, p.opens(), p.closes());
            opens = p.opens();
            closes = p.closes();
        }
        Map<String, Integer> capacities = new TreeMap<>();
        for (String entry : c.serviceCapacity()) {
            int eq = entry.lastIndexOf('=');
            try {
                int n = Integer.parseInt(entry.substring(eq + 1).strip());
                if (eq > 0 && n >= 0 && n <= 1000) {
                    capacities.put(entry.substring(0, eq).strip(), n);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            LOG.error("appointments: {}: serviceCapacity \"{}\" is not <service id>=<0 to 1000>; it is left out", PID,
                    entry);
        }
        return new AppointmentSettings(new AppointmentRules(opens, closes,
                Duration.ofMinutes(number("slotMinutes", c.slotMinutes(), 5, 480, p.slot().toMinutes())),
                (int) number("capacity", c.capacity(), 0, 1000, p.capacity()), Map.copyOf(capacities),
                Duration.ofMinutes(number("earliestMinutes", c.earliestMinutes(), 0, 600, p.earliest().toMinutes())),
                Duration.ofMinutes(number("latestMinutes", c.latestMinutes(), 0, 600, p.latest().toMinutes())),
                (int) number("daysAhead", c.daysAhead(), 1, 366, p.daysAhead()), days(c.days(), p.days())),
                names(c.needApplication()));
    }

    private static LocalTime time(String key, String v, LocalTime fallback) {
        try {
            return LocalTime.parse(v.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            LOG.error("appointments: {}: {} \"{}\" is not a time; write one like \"09:00\"; keeping {}", PID, key, v,
                    fallback);
            return fallback;
        }
    }

    private static long number(String key, long v, long min, long max, long fallback) {
        if (v >= min && v <= max) {
            return v;
        }
        LOG.error("appointments: {}: {} {} is not from {} to {}; keeping {}", PID, key, v, min, max, fallback);
        return fallback;
    }

    private static Set<DayOfWeek> days(String[] v, Set<DayOfWeek> fallback) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String part : v) {
            String p = part.strip().toUpperCase(Locale.ROOT);
            DayOfWeek found = null;
            for (DayOfWeek d : DayOfWeek.values()) {
                if (p.length() >= 3 && d.name().startsWith(p.substring(0, 3))) {
                    found = d;
                }
            }
            if (found == null) {
                LOG.error("appointments: {}: days holds \"{}\", not a week day; write days like [\"MON\", \"TUE\"];"
                        + " keeping {}", PID, part, fallback);
                return fallback;
            }
            out.add(found);
        }
        return Set.copyOf(out);
    }

    private static Set<String> names(String[] ids) {
        Set<String> out = new TreeSet<>();
        for (String id : ids) {
            if (!id.isBlank()) {
                out.add(id.strip());
            }
        }
        return Set.copyOf(out);
    }
}
