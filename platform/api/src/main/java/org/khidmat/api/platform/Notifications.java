package org.khidmat.api.platform;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Tells citizens what happens to their applications, by SMS and e-mail to the phone and e-mail answers of their
 * form: filed, every status change (with its own words when documents are ready), and payment received. Messages
 * go through the outbox and are retried; nothing a citizen does waits for a provider.
 */
@ProviderType
public interface Notifications {

    /**
     * Queues the messages for something that happened to an application.
     *
     * @param application the application as it is now
     * @param event {@code submitted}, {@code status} or {@code paid}
     * @return the messages queued (none when the form has no phone or e-mail answer)
     */
    List<Notification> tell(TrackedApplication application, String event);

    /**
     * The messages {@link #tell} would queue, composed from what is given and stored nowhere: for a caller that
     * stores them in the transaction of the change they tell of (see {@link org.khidmat.api.store.ApplicationStore#file}), then hands
     * them to {@link #deliver}.
     *
     * @param application the application as it is now
     * @param event {@code submitted}, {@code status} or {@code paid}
     * @return the messages, in state queued, with id 0; none when the form has no phone or e-mail answer
     * @since 1.6
     */
    List<Notification> compose(TrackedApplication application, String event);

    /**
     * Delivers messages already stored in the outbox (queued, with their ids), on the sender's thread; returns at
     * once. A message never handed over is sent at the next start, as every message still queued is.
     *
     * @param stored the messages as the store returned them
     * @since 1.6
     */
    void deliver(List<Notification> stored);

    /** @return the application's messages, oldest first */
    List<Notification> forReference(String reference);

    /** @return the newest messages first, for centre staff */
    List<Notification> recent(int limit);
}
