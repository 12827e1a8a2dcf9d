package org.khidmat.api.platform;

import java.time.Instant;

/**
 * A message to a citizen in the centre's outbox.
 *
 * @param id the outbox id
 * @param reference the application it is about
 * @param event what happened: {@code submitted}, {@code status}, {@code paid}, {@code ready}
 * @param channel {@code sms} or {@code email}
 * @param recipient the phone number or e-mail address
 * @param text what is said
 * @param state {@link #QUEUED}, {@link #SENT} or {@link #FAILED}
 * @param provider the provider id that delivered it, or {@code null}
 * @param providerReference the provider's id for the delivery, or {@code null}
 * @param attempts how many deliveries were tried
 * @param createdAt when it was queued
 * @param sentAt when it was delivered, or {@code null}
 * @param error why the last attempt failed, or {@code null}
 */
public record Notification(long id, String reference, String event, String channel, String recipient, String text,
        String state, String provider, String providerReference, int attempts, Instant createdAt, Instant sentAt,
        String error) {
    /** Waiting to be delivered (or retried). */
    public static final String QUEUED = "queued";
    /** Delivered; final. */
    public static final String SENT = "sent";
    /** Given up after the last retry; final. */
    public static final String FAILED = "failed";
}
