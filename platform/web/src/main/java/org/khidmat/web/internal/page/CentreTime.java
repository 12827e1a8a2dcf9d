package org.khidmat.web.internal.page;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.khidmat.api.platform.Centre;

/**
 * The centre's time zone and id as the pages show them, part of the request's {@link Site}: from the configured
 * {@link Centre} ({@code conf/org.khidmat.centre.cfg.json}), so a change of the configuration shows at the next page
 * and two centres in one JVM keep their own zone. Without a centre (handlers tested alone) it is the configuration's
 * default, Asia/Karachi. Staff pages show a moment with the zone's label ({@code 2026-12-02 14:05 PKT}); citizens'
 * pages day first.
 */
public final class CentreTime {
    static final ZoneId DEFAULT = ZoneId.of("Asia/Karachi");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter CITIZEN_WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    /** The staff formatters of each zone met, made at its first staff page (zone names cost class loading). */
    private static final Map<ZoneId, Labelled> LABELLED = new ConcurrentHashMap<>();
    private static final CentreTime DEFAULTS = new CentreTime(Centre.DEFAULT_ID, DEFAULT);
    private final String centreId;
    private final ZoneId zone;

    private record Labelled(DateTimeFormatter when, DateTimeFormatter label) {
        static Labelled of(ZoneId z) {
            // the label in English letters in every language: PKT, as on the centre's signs and receipts
            return new Labelled(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH).withZone(z),
                    DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).withZone(z));
        }
    }

    private CentreTime(String centreId, ZoneId zone) {
        this.centreId = centreId;
        this.zone = zone;
    }

    /** @return the time of {@code centre}, or the defaults for {@code null} (a centre away) */
    public static CentreTime of(Centre centre) {
        return centre == null ? DEFAULTS : new CentreTime(centre.id(), centre.zone() == null ? DEFAULT : centre.zone());
    }

    /** @return the defaults: Asia/Karachi, the default centre */
    public static CentreTime defaults() {
        return DEFAULTS;
    }

    /** @return the id of the centre this node serves */
    public String centreId() {
        return centreId;
    }

    /** @return the centre's time zone */
    public ZoneId zone() {
        return zone;
    }

    /** @return {@code yyyy-MM-dd HH:mm} in the centre's zone */
    public DateTimeFormatter when() {
        return WHEN.withZone(zone);
    }

    /** @return {@code dd/MM/yyyy HH:mm} in the centre's zone: a moment as citizens write it, day first */
    public DateTimeFormatter citizenWhen() {
        return CITIZEN_WHEN.withZone(zone);
    }

    /** @return {@code HH:mm} in the centre's zone */
    public DateTimeFormatter clock() {
        return CLOCK.withZone(zone);
    }

    private Labelled labelled() {
        return LABELLED.computeIfAbsent(zone, Labelled::of);
    }

    /** @return the date and time with the zone's label ({@code 2026-12-02 14:05 PKT}), or {@code ""} for null */
    public String when(Instant at) {
        return at == null ? "" : labelled().when().format(at);
    }

    /** @return the time of day in the centre's zone ({@code 14:05}), or {@code ""} for null */
    public String clock(Instant at) {
        return at == null ? "" : clock().format(at);
    }

    /** @return the zone's id and label, for the note under every staff page: {@code Asia/Karachi (PKT)} */
    public String label() {
        return zone.getId() + " (" + labelled().label().format(ZonedDateTime.now(zone)) + ")";
    }
}
