package org.khidmat.core.internal.centre;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.khidmat.api.platform.AppointmentRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The centre's own settings, {@code conf/centre.properties} under the centre's home. A missing file gives the
 * defaults; a value that cannot be read is reported in the log with its key and the default used instead, so a
 * typo never stops the centre.
 */
final class CentreSettings {
    static final String FILE = "centre.properties";
    private static final Logger LOG = LoggerFactory.getLogger(CentreSettings.class);
    private static final String CAPACITY_OF = "appointments.capacity.";
    private final Properties values;
    private final String source;

    CentreSettings(Properties values, String source) {
        this.values = values;
        this.source = source;
    }

    /** @param home the centre's home folder; @return its settings, or the defaults when it has no file */
    static CentreSettings load(Path home) {
        Path file = home.resolve("conf").resolve(FILE);
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            LOG.info("centre: no conf/{}; appointments use the default rules", FILE);
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("centre: could not read conf/{} ({}); using the default rules", FILE, e.getMessage());
            p.clear();
        }
        return new CentreSettings(p, "conf/" + FILE);
    }

    AppointmentRules appointments() {
        LocalTime opens = time("appointments.opens", LocalTime.of(9, 0));
        LocalTime closes = time("appointments.closes", LocalTime.of(16, 0));
        if (!closes.isAfter(opens)) {
            LOG.error("centre: {}: appointments.closes ({}) is not after appointments.opens ({}); using 09:00 to 16:00",
                    source, closes, opens);
            opens = LocalTime.of(9, 0);
            closes = LocalTime.of(16, 0);
        }
        Map<String, Integer> capacities = new TreeMap<>();
        for (String key : values.stringPropertyNames()) {
            if (key.startsWith(CAPACITY_OF)) {
                capacities.put(key.substring(CAPACITY_OF.length()), number(key, 4, 0, 1000));
            }
        }
        return new AppointmentRules(opens, closes, Duration.ofMinutes(number("appointments.slotMinutes", 30, 5, 480)),
                number("appointments.capacity", 4, 0, 1000), Map.copyOf(capacities),
                Duration.ofMinutes(number("appointments.earliestMinutes", 30, 0, 600)),
                Duration.ofMinutes(number("appointments.latestMinutes", 10, 0, 600)),
                number("appointments.daysAhead", 14, 1, 366), days("appointments.days",
                        EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                                DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)));
    }

    /** @return the services that book appointments for filed applications only ({@code appointments.needApplication}) */
    Set<String> needApplication() {
        String v = raw("appointments.needApplication");
        if (v == null) {
            return Set.of();
        }
        Set<String> out = new java.util.TreeSet<>();
        for (String id : v.split(",")) {
            if (!id.isBlank()) {
                out.add(id.strip());
            }
        }
        return Set.copyOf(out);
    }

    private String raw(String key) {
        String v = values.getProperty(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private LocalTime time(String key, LocalTime fallback) {
        String v = raw(key);
        if (v == null) {
            return fallback;
        }
        try {
            return LocalTime.parse(v);
        } catch (DateTimeParseException e) {
            return bad(key, v, "a time like 09:00", fallback);
        }
    }

    private int number(String key, int fallback, int min, int max) {
        String v = raw(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return bad(key, v, "a whole number from " + min + " to " + max, fallback);
    }

    private Set<DayOfWeek> days(String key, Set<DayOfWeek> fallback) {
        String v = raw(key);
        if (v == null) {
            return fallback;
        }
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String part : v.split(",")) {
            String p = part.strip().toUpperCase(Locale.ROOT);
            DayOfWeek found = null;
            for (DayOfWeek d : DayOfWeek.values()) {
                if (!p.isEmpty() && d.name().startsWith(p) && p.length() >= 3) {
                    found = d;
                }
            }
            if (found == null) {
                return bad(key, v, "week days like MON,TUE,WED", fallback);
            }
            out.add(found);
        }
        return Set.copyOf(out);
    }

    private <T> T bad(String key, String value, String wanted, T fallback) {
        LOG.error("centre: {}: {}={} is not {}; using {}", source, key, value, wanted, fallback);
        return fallback;
    }
}
