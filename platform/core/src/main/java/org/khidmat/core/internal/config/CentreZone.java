package org.khidmat.core.internal.config;

import java.time.ZoneId;

/**
 * The centre's time zone inside this bundle: set by {@link CentreProfile} from the configuration, read by the desks
 * that keep days (applications, payments, queue, appointments, figures) where they used to name Asia/Karachi. One
 * value, so a desk made by a test without the framework keeps the default.
 */
public final class CentreZone {
    /** Pakistan Standard Time, the default of {@code org.khidmat.centre}'s {@code zone}. */
    public static final ZoneId DEFAULT = ZoneId.of("Asia/Karachi");
    private static volatile ZoneId zone = DEFAULT;

    private CentreZone() {
    }

    /** @return the centre's time zone */
    public static ZoneId get() {
        return zone;
    }

    static void set(ZoneId configured) {
        zone = configured;
    }
}
