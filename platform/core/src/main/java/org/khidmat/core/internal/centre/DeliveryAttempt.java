package org.khidmat.core.internal.centre;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.khidmat.api.notify.Message;
import org.khidmat.api.notify.NotificationProvider;
import org.khidmat.api.platform.Notification;

/**
 * One try of one message with the first-ranked provider of its channel: sent, queued for another try (a provider
 * that failed, or none deployed), or failed once the tries of {@link NotificationDesk#RETRIES} are spent.
 */
final class DeliveryAttempt {
    private final ChannelProviders providers;
    private final Clock clock;

    DeliveryAttempt(ChannelProviders providers, Clock clock) {
        this.providers = providers;
        this.clock = clock;
    }

    /** @return the message as it is after one more attempt: sent, queued for a retry, or failed after the last */
    Notification attempt(Notification n) {
        int attempt = n.attempts() + 1;
        Optional<Map.Entry<ChannelProviders.Ranked, NotificationProvider>> first = providers.first(n.channel());
        String error;
        String providerId = first.map(e -> e.getKey().id()).orElse(null);
        if (first.isEmpty()) {
            error = "no " + n.channel() + " provider is deployed";
        } else {
            try {
                String id = first.get().getValue().send(new Message(n.id(), n.reference(), n.channel(), n.recipient(),
                        MessageTexts.subject(n), n.text()));
                return new Notification(n.id(), n.reference(), n.event(), n.channel(), n.recipient(), n.text(),
                        Notification.SENT, providerId, id, attempt, n.createdAt(), clock.instant(), null);
            } catch (RuntimeException e) {
                error = providerId + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        return new Notification(n.id(), n.reference(), n.event(), n.channel(), n.recipient(), n.text(), stateAfter(attempt),
                providerId, null, attempt, n.createdAt(), null, error);
    }

    /** @return the state of a message whose {@code attempt}th try failed: queued while retries are left */
    static String stateAfter(int attempt) {
        return attempt > NotificationDesk.RETRIES.size() ? Notification.FAILED : Notification.QUEUED;
    }
}
