package org.khidmat.web.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The centre's time zone, the one place the staff pages take it from, and how they show a time: in that zone with
 * its label ({@code 2026-12-02 14:05 PKT}). {@link WebServer} sets it from the framework property
 * {@code khidmat.centre.zone} (default {@code Asia/Karachi}); the centre's configuration can set it there.
 */
final class CentreTime {
    static final ZoneId DEFAULT = ZoneId.of("Asia/Karachi");
    private static volatile ZoneId zone = DEFAULT;
    private static volatile DateTimeFormatter when = formatter("yyyy-MM-dd HH:mm zzz", DEFAULT);
    private static volatile DateTimeFormatter clock = formatter("HH:mm", DEFAULT);

    private CentreTime() {
    }

    private static DateTimeFormatter formatter(String pattern, ZoneId z) {
        // the label in English letters in every language: PKT, as on the centre's signs and receipts
        return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).withZone(z);
    }

    /**
     * @param id a zone id such as {@code Asia/Karachi}, or null or blank for the default
     * @throws java.time.DateTimeException for an id that is no zone, naming it
     */
    static void use(String id) {
        ZoneId z = id == null || id.isBlank() ? DEFAULT : ZoneId.of(id.strip());
        zone = z;
        when = formatter("yyyy-MM-dd HH:mm zzz", z);
        clock = formatter("HH:mm", z);
    }

    static ZoneId zone() {
        return zone;
    }

    /** @return the date and time with the zone's label, or {@code ""} for null */
    static String when(Instant at) {
        return at == null ? "" : when.format(at);
    }

    /** @return the time of day in the centre's zone ({@code 14:05}) */
    static String clock(Instant at) {
        return at == null ? "" : clock.format(at);
    }

    /** @return the zone's id and label, for the note under every staff page: {@code Asia/Karachi (PKT)} */
    static String label() {
        ZoneId z = zone;
        return z.getId() + " (" + formatter("zzz", z).format(ZonedDateTime.now(z)) + ")";
    }
}
