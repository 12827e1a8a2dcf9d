package org.khidmat.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FormThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final FormThrottle throttle = new FormThrottle(null, 6, now::get, r -> false);

    @Test
    void anAddressGetsItsMinutesWorthThenWaitsForTheRefill() {
        for (int i = 0; i < 6; i++) {
            assertEquals(0, throttle.take("10.0.0.7"), "request " + (i + 1));
        }
        assertEquals(10, throttle.take("10.0.0.7"), "6 a minute: one every 10 s");
        assertEquals(0, throttle.take("10.0.0.8"), "another address is not held back");
        now.addAndGet(5_000_000_000L);
        assertEquals(5, throttle.take("10.0.0.7"), "half a token after 5 s");
        now.addAndGet(5_000_000_000L);
        assertEquals(0, throttle.take("10.0.0.7"));
        now.addAndGet(3_600_000_000_000L);
        for (int i = 0; i < 6; i++) {
            assertEquals(0, throttle.take("10.0.0.7"), "an hour later the bucket is full, not fuller");
        }
        assertTrue(throttle.take("10.0.0.7") > 0);
    }

    @Test
    void theLimitIsReadStrictly() {
        assertEquals(FormThrottle.DEFAULT_PER_MINUTE, FormThrottle.perMinute(null));
        assertEquals(0, FormThrottle.perMinute(" 0 "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FormThrottle.perMinute("lots"));
        assertTrue(e.getMessage().contains("not 'lots'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FormThrottle.perMinute("-1"));
    }
}
