package org.khidmat.web.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.khidmat.api.platform.Centre;

/**
 * The one place in the web bundle that knows the centre's time zone: the configured {@link Centre}
 * ({@code conf/org.khidmat.centre.cfg.json}), given by {@link WebServer}. Pages that show a day or a time, for
 * citizens or staff, take the zone and the formatters from here; a change of the configuration shows at the next
 * page. Without a centre (unit tests that make handlers alone) it is the configuration's default, Asia/Karachi.
 * Staff pages show a moment with the zone's label ({@code 2026-12-02 14:05 PKT}); citizens' pages day first.
 */
final class CentreTime {
    static final ZoneId DEFAULT = ZoneId.of("Asia/Karachi");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter CITIZEN_WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static volatile Centre centre;
    private static volatile Labelled labelled;

    /** The staff formatters of one zone, made at the first staff page (zone names cost class loading). */
    private record Labelled(ZoneId zone, DateTimeFormatter when, DateTimeFormatter label) {
        static Labelled of(ZoneId z) {
            // the label in English letters in every language: PKT, as on the centre's signs and receipts
            return new Labelled(z, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH).withZone(z),
                    DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).withZone(z));
        }
    }

    private CentreTime() {
    }

    static void use(Centre configured) {
        centre = configured;
    }

    /** @return the id of the centre this node serves */
    static String centreId() {
        Centre c = centre;
        return c == null ? Centre.DEFAULT_ID : c.id();
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

    private static Labelled labelled() {
        ZoneId z = zone();
        Labelled l = labelled;
        if (l == null || !l.zone().equals(z)) {
            l = Labelled.of(z);
            labelled = l;
        }
        return l;
    }

    /** @return the date and time with the zone's label ({@code 2026-12-02 14:05 PKT}), or {@code ""} for null */
    static String when(Instant at) {
        return at == null ? "" : labelled().when().format(at);
    }

    /** @return the time of day in the centre's zone ({@code 14:05}), or {@code ""} for null */
    static String clock(Instant at) {
        return at == null ? "" : clock().format(at);
    }

    /** @return the zone's id and label, for the note under every staff page: {@code Asia/Karachi (PKT)} */
    static String label() {
        Labelled l = labelled();
        return l.zone().getId() + " (" + l.label().format(ZonedDateTime.now(l.zone())) + ")";
    }
}
