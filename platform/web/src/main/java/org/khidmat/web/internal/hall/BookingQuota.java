package org.khidmat.web.internal.hall;


import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bookings per client address and day: one client once booked every place of a service for a day with made-up
 * CNICs, so an address gets {@link #PER_DAY} bookings a day and then a refusal that sends the citizen to the
 * centre's counter. Behind a proxy the address is the citizen's only with {@code KHIDMAT_TRUSTED_PROXIES} set.
 */
public final class BookingQuota {
    /** Bookings one address may make in a day (the centre's time zone). */
    public static final int PER_DAY = 20;
    /** Addresses kept before yesterday's are dropped. */
    private static final int MOST = 20_000;
    private final Clock clock;
    private final int perDay;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    private record Count(LocalDate day, int n) {
    }

    public BookingQuota(Clock clock, int perDay) {
        this.clock = clock;
        this.perDay = perDay;
    }

    /** @return whether the address may book one more today; when it may, the booking is counted */
    public boolean take(String address, ZoneId zone) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        if (counts.size() > MOST) {
            counts.values().removeIf(c -> !c.day().equals(today));
        }
        boolean[] ok = {false};
        counts.compute(address, (a, c) -> {
            Count now = c == null || !c.day().equals(today) ? new Count(today, 0) : c;
            if (now.n() >= perDay) {
                return now;
            }
            ok[0] = true;
            return new Count(today, now.n() + 1);
        });
        return ok[0];
    }

    /** Gives back a place taken for a booking that was not made (full, invalid). */
    public void giveBack(String address) {
        counts.computeIfPresent(address, (a, c) -> c.n() > 0 ? new Count(c.day(), c.n() - 1) : c);
    }
}
