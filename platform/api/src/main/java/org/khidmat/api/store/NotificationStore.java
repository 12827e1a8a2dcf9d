package org.khidmat.api.store;

import org.khidmat.api.platform.Notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The durable outbox of messages to citizens. Each method is one transaction. */
@ProviderType
public interface NotificationStore {

    /**
     * How long the node that queues a message ({@link #add}, or with an application it files) holds it without a
     * claim: it sends it at once; only when it has not recorded an outcome by then may another node claim it.
     *
     * @since 1.1
     */
    Duration FILED_LEASE = Duration.ofSeconds(30);

    /**
     * @param notification a notification in state queued; its id is ignored
     * @return it as stored, with its id: a new one, also when several nodes queue at once; ids rise in the order
     *         messages are queued, which is the order "oldest first" means below
     */
    Notification add(Notification notification);

    /** Records a delivery attempt: the new state, the provider, its reference, the attempts so far and the error. */
    void update(long id, String state, String provider, String providerReference, int attempts, Instant sentAt,
            String error);

    /**
     * Records many delivery attempts in one transaction (one write for a batch of deliveries): each notification's
     * state, provider, provider reference, attempts, sent time and error replace the stored ones of its id. The
     * default records them one by one.
     *
     * @param deliveries the notifications as they are after their attempt
     * @since 1.6
     */
    default void record(List<Notification> deliveries) {
        for (Notification n : deliveries) {
            update(n.id(), n.state(), n.provider(), n.providerReference(), n.attempts(), n.sentAt(), n.error());
        }
    }

    /**
     * As {@link #record(List)}, and the messages still queued (to be tried again) stay held by {@code holder} until
     * {@code holdUntil}, so no other node claims them meanwhile. The default records without holding.
     *
     * @param deliveries the notifications as they are after their attempt
     * @param holder the node that tried them
     * @param holdUntil until when it holds those still queued
     * @since 1.1
     */
    default void record(List<Notification> deliveries, String holder, Instant holdUntil) {
        record(deliveries);
    }

    /**
     * Claims queued messages that nobody holds (their lease expired, or never given): each is held by {@code holder}
     * until {@code until}, and no other call returns it before then, whichever node makes it (SQLite: one {@code
     * UPDATE ... RETURNING}; PostgreSQL: {@code FOR UPDATE SKIP LOCKED}). The default returns every queued message
     * (a store for one node).
     *
     * @param holder the node claiming
     * @param now the time now: leases that ended before it are free
     * @param until until when the claims hold
     * @param limit at most this many
     * @return the messages claimed, oldest first
     * @since 1.1
     */
    default List<Notification> claim(String holder, Instant now, Instant until, int limit) {
        List<Notification> all = queued();
        return all.size() > limit ? all.subList(0, limit) : all;
    }

    /** @return the application's notifications, oldest first */
    List<Notification> forReference(String reference);

    /** @return the newest notifications first, at most {@code limit} (0 or less: none) */
    List<Notification> recent(int limit);

    /** @return the queued notifications, oldest first */
    List<Notification> queued();
}
