package org.khidmat.api.store;

import org.khidmat.api.platform.Notification;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The durable outbox of messages to citizens. Each method is one transaction. */
@ProviderType
public interface NotificationStore {

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

    /** @return the application's notifications, oldest first */
    List<Notification> forReference(String reference);

    /** @return the newest notifications first, at most {@code limit} (0 or less: none) */
    List<Notification> recent(int limit);

    /** @return the queued notifications, oldest first */
    List<Notification> queued();
}
