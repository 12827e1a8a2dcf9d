package org.khidmat.core.internal.centre;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.store.NotificationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's part of the shared outbox: until when it holds each message it has in hand, and the outcomes of its
 * tries, gathered for one write every {@link NotificationDesk#RECORD_EVERY}. A message whose hold has (almost) run out
 * ({@link NotificationDesk#MARGIN}) is not tried but left to a claim; a message still queued after a write is held for
 * {@link NotificationDesk#HOLD} (past its retries), one sent or failed is let go.
 */
final class OutboxHolds {
    // the lines keep the category of the desk they were written by before, for the operators' log filters
    private static final Logger LOG = LoggerFactory.getLogger(NotificationDesk.class);
    private final NotificationStore store;
    private final Clock clock;
    private final Supplier<String> node;
    private final NotificationDesk.Later later;
    /** Outcomes of delivery attempts not yet written. */
    private final Batch<Notification> unrecorded = new Batch<>();
    /** Until when this node holds each message it has in hand (by id). */
    private final Map<Long, Instant> holds = new ConcurrentHashMap<>();

    OutboxHolds(NotificationStore store, Clock clock, Supplier<String> node, NotificationDesk.Later later) {
        this.store = store;
        this.clock = clock;
        this.node = node;
        this.later = later;
    }

    void hold(long id, Instant until) {
        holds.put(id, until);
    }

    /**
     * @return whether this node still holds the message long enough to try it and record the outcome; when not, it is
     *     let go, left to whichever node claims it next (perhaps this one)
     */
    boolean held(Notification n) {
        Instant until = holds.get(n.id());
        if (until != null && clock.instant().isBefore(until.minus(NotificationDesk.MARGIN))) {
            return true;
        }
        holds.remove(n.id());
        LOG.info("notifications: message {} is left to the next claim: this node's hold on it ran out", n.id());
        return false;
    }

    /** Adds outcomes to the next write; the first outcome of a round schedules it. */
    void gather(List<Notification> outcomes) {
        if (!outcomes.isEmpty() && unrecorded.add(outcomes)) {
            later.after(NotificationDesk.RECORD_EVERY, this::record);
        }
    }

    /** Writes the outcomes gathered since the last write, in one write. */
    void record() {
        List<Notification> outcomes = unrecorded.takeAll();
        if (outcomes.isEmpty()) {
            return;
        }
        Instant holdUntil = clock.instant().plus(NotificationDesk.HOLD);
        try {
            store.record(outcomes, node.get(), holdUntil);
            for (Notification n : outcomes) {
                if (n.state().equals(Notification.QUEUED)) {
                    holds.put(n.id(), holdUntil);
                } else {
                    holds.remove(n.id());
                }
            }
        } catch (RuntimeException e) {
            // still queued in the outbox: sent again at the next start (a citizen may get a message twice, never none)
            LOG.warn("notifications: could not record the delivery of {} message(s): {}", outcomes.size(), e.toString());
        }
    }
}
