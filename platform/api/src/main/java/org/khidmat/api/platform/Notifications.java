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

    /** @return the application's messages, oldest first */
    List<Notification> forReference(String reference);

    /** @return the newest messages first, for centre staff */
    List<Notification> recent(int limit);
}
