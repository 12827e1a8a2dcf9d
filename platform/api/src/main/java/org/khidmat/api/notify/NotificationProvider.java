package org.khidmat.api.notify;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Delivers messages on one channel: register an implementation as an OSGi service with the properties
 * {@link #CHANNEL} ({@code sms} or {@code email}) and {@link #PROVIDER_ID} (a short lowercase id such as
 * {@code simnotify.sms}). When several serve a channel, the one with the highest service ranking is used.
 */
@ConsumerType
public interface NotificationProvider {
    /** Service property: the channel served. */
    String CHANNEL = "khidmat.notification.channel";
    /** Service property: the provider's id, unique in the centre. */
    String PROVIDER_ID = "khidmat.notification.provider";
    /** Text messages to a Pakistani mobile number. */
    String SMS = "sms";
    /** E-mail. */
    String EMAIL = "email";

    /**
     * Delivers a message, or throws. The centre calls it from its own sender thread and retries a failure later.
     *
     * @param message the message
     * @return the provider's id for the delivery, for the centre's records
     * @throws RuntimeException when it was not delivered
     */
    String send(Message message);
}
