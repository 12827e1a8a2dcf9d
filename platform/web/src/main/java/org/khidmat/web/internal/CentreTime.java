package org.khidmat.web.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.khidmat.api.platform.Centre;

/**
 * The one place in the web bundle that knows the centre's time zone: the configured {@link Centre}
 * ({@code conf/org.khidmat.centre.cfg.json}), given by {@link WebServer}. Pages that show a day or a time, for
 * citizens or staff, take the zone and the formatters from here; a change of the configuration shows at the next
 * page. Without a centre (unit tests that make handlers alone) it is the configuration's default, Asia/Karachi.
 */
final class CentreTime {
    static final ZoneId DEFAULT = ZoneId.of("Asia/Karachi");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter CITIZEN_WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static volatile Centre centre;

    private CentreTime() {
    }

    static void use(Centre configured) {
        centre = configured;
    }

    /** @return the centre's time zone */
    static ZoneId zone() {
        Centre c = centre;
        return c == null ? DEFAULT : c.zone();
    }

    /** @return {@code yyyy-MM-dd HH:mm} in the centre's zone */
    static DateTimeFormatter when() {
        return WHEN.withZone(zone());
    }

    /** @return {@code dd/MM/yyyy HH:mm} in the centre's zone: a moment as citizens write it, day first */
    static DateTimeFormatter citizenWhen() {
        return CITIZEN_WHEN.withZone(zone());
    }

    /** @return {@code HH:mm} in the centre's zone */
    static DateTimeFormatter clock() {
        return CLOCK.withZone(zone());
    }
}
