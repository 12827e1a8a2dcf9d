package org.khidmat.core.internal.centre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.Notification;

/** What this node holds of the shared outbox, and the outcomes it writes together, without a sender thread. */
class OutboxHoldsTest {
    private static final Instant T = Instant.parse("2026-03-02T05:00:00Z");
    private final QueueDeskTest.MovingClock clock = new QueueDeskTest.MovingClock(T);
    private final NotificationDeskTest.Outbox store = new NotificationDeskTest.Outbox();
    private final List<Map.Entry<Duration, Runnable>> scheduled = new ArrayList<>();
    private final OutboxHolds holds = new OutboxHolds(store, clock, () -> "node-a",
            (delay, work) -> scheduled.add(Map.entry(delay, work)));

    private Notification stored() {
        return store.add(new Notification(0, "KM7Q-4XPA-K", "status", "sms", "03001234567", "text", Notification.QUEUED,
                null, null, 0, T, null, null));
    }

    private static Notification after(Notification n, String state) {
        return new Notification(n.id(), n.reference(), n.event(), n.channel(), n.recipient(), n.text(), state, "sms",
                null, n.attempts() + 1, n.createdAt(), null, null);
    }

    @Test
    void aMessageIsTriedOnlyWhileMoreThanTheMarginIsLeftOfItsHold() {
        Notification n = stored();
        assertFalse(holds.held(n), "a message this node never held");
        holds.hold(n.id(), T.plus(NotificationDesk.MARGIN).plusSeconds(1));
        assertTrue(holds.held(n));
        clock.plus(Duration.ofSeconds(1));
        assertFalse(holds.held(n), "its outcome could not be recorded in time: left to a claim");
        clock.plus(Duration.ofSeconds(-1));
        assertFalse(holds.held(n), "and let go");
    }

    @Test
    void outcomesAreWrittenTogetherAndAQueuedOneIsHeldPastItsRetries() {
        Notification retried = stored();
        Notification sent = stored();
        holds.hold(retried.id(), T.plusSeconds(60));
        holds.hold(sent.id(), T.plusSeconds(60));
        holds.gather(List.of(after(retried, Notification.QUEUED)));
        holds.gather(List.of(after(sent, Notification.SENT)));
        assertEquals(1, scheduled.size(), "one write for the round");
        assertEquals(NotificationDesk.RECORD_EVERY, scheduled.get(0).getKey());
        scheduled.get(0).getValue().run();
        assertEquals(List.of(2), store.outcomeWrites);
        assertEquals(T.plus(NotificationDesk.HOLD), store.leases.get(retried.id()));
        clock.plus(Duration.ofMinutes(5));
        assertTrue(holds.held(retried), "held past the 60 s it was held for before");
        assertFalse(holds.held(sent), "a message sent is let go");
        holds.gather(List.of());
        assertEquals(1, scheduled.size(), "nothing to write schedules no write");
    }
}
