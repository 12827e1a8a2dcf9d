package org.khidmat.api.notify;

/**
 * One message to one citizen.
 *
 * @param id the centre's id for it; a provider that is given the same id twice must deliver it once
 * @param reference the application it is about
 * @param channel {@link NotificationProvider#SMS} or {@link NotificationProvider#EMAIL}
 * @param to the phone number (digits, {@code 03001234567}) or e-mail address
 * @param subject a subject line for e-mail
 * @param text the message, English then Urdu
 */
public record Message(long id, String reference, String channel, String to, String subject, String text) {
}
