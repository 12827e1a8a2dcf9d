package org.khidmat.web.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The centre's time zone, the one place the staff pages take it from, and how they show a time: in that zone with
 * its label ({@code 2026-12-02 14:05 PKT}). {@link WebServer} names it from the framework property
 * {@code khidmat.centre.zone} (default {@code Asia/Karachi}); the centre's configuration can set it there. The zone
 * and its formatters are made at the first staff page, not at the centre's start (zone names cost class loading).
 */
final class CentreTime {
    static final String DEFAULT = "Asia/Karachi";
    private static volatile String id = DEFAULT;
    private static volatile Formats formats;

    private record Formats(ZoneId zone, DateTimeFormatter when, DateTimeFormatter clock, DateTimeFormatter label) {
        static Formats of(String id) {
            ZoneId z = ZoneId.of(id);
            // the label in English letters in every language: PKT, as on the centre's signs and receipts
            return new Formats(z, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH).withZone(z),
                    DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(z),
                    DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).withZone(z));
        }
    }

    private CentreTime() {
    }

    /** @param zone a zone id such as {@code Asia/Karachi}, or null or blank for the default; checked at its first use */
    static void use(String zone) {
        id = zone == null || zone.isBlank() ? DEFAULT : zone.strip();
        formats = null;
    }

    private static Formats formats() {
        Formats f = formats;
        if (f == null) {
            f = Formats.of(id);
            formats = f;
        }
        return f;
    }

    static ZoneId zone() {
        return formats().zone();
    }

    /** @return the date and time with the zone's label, or {@code ""} for null */
    static String when(Instant at) {
        return at == null ? "" : formats().when().format(at);
    }

    /** @return the time of day in the centre's zone ({@code 14:05}) */
    static String clock(Instant at) {
        return at == null ? "" : formats().clock().format(at);
    }

    /** @return the zone's id and label, for the note under every staff page: {@code Asia/Karachi (PKT)} */
    static String label() {
        Formats f = formats();
        return f.zone().getId() + " (" + f.label().format(ZonedDateTime.now(f.zone())) + ")";
    }
}
