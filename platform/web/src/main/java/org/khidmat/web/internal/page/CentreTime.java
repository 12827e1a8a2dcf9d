package org.khidmat.web.internal.page;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;
import org.khidmat.api.platform.Centre;

/**
 * The one place in the web bundle that knows the centre's time zone: the configured {@link Centre}
 * ({@code conf/org.khidmat.centre.cfg.json}), given by {@link org.khidmat.web.internal.WebServer}. Pages that show a day or a time, for
 * citizens or staff, take the zone and the formatters from here; a change of the configuration shows at the next
 * page. Without a centre (unit tests that make handlers alone) it is the configuration's default, Asia/Karachi.
 * Staff pages show a moment with the zone's label ({@code 2026-12-02 14:05 PKT}); citizens' pages day first.
 */
public final class CentreTime {
    static final ZoneId DEFAULT = ZoneId.of("Asia/Karachi");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter CITIZEN_WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static volatile Supplier<Centre> centre = () -> null;
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

    /** @param configured the centre while it is there, {@code null} while it is away (the default zone then) */
    public static void use(Supplier<Centre> configured) {
        centre = configured;
    }

    /** @return the id of the centre this node serves */
    public static String centreId() {
        Centre c = centre.get();
        return c == null ? Centre.DEFAULT_ID : c.id();
    }

    /** @return the centre's time zone */
    public static ZoneId zone() {
        Centre c = centre.get();
        return c == null ? DEFAULT : c.zone();
    }

    /** @return {@code yyyy-MM-dd HH:mm} in the centre's zone */
    public static DateTimeFormatter when() {
        return WHEN.withZone(zone());
    }

    /** @return {@code dd/MM/yyyy HH:mm} in the centre's zone: a moment as citizens write it, day first */
    public static DateTimeFormatter citizenWhen() {
        return CITIZEN_WHEN.withZone(zone());
    }

    /** @return {@code HH:mm} in the centre's zone */
    public static DateTimeFormatter clock() {
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
    public static String when(Instant at) {
        return at == null ? "" : labelled().when().format(at);
    }

    /** @return the time of day in the centre's zone ({@code 14:05}), or {@code ""} for null */
    public static String clock(Instant at) {
        return at == null ? "" : clock().format(at);
    }

    /** @return the zone's id and label, for the note under every staff page: {@code Asia/Karachi (PKT)} */
    public static String label() {
        Labelled l = labelled();
        return l.zone().getId() + " (" + l.label().format(ZonedDateTime.now(l.zone())) + ")";
    }
}
