package org.khidmat.core.internal.centre;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.FieldType;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.descriptor.State;
import org.khidmat.api.notify.NotificationProvider;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.platform.TrackedApplication;
import org.khidmat.core.internal.words.CoreWords;

/**
 * The words of the messages to citizens ({@code notify.*} of core's {@code messages_<lang>.properties}): each
 * message in English, then in Urdu, one line each, as a phone shows both scripts; and the messages an event makes,
 * to the contacts the form has answers for.
 */
final class MessageTexts {
    static final List<String> LANGUAGES = List.of("en", "ur");
    private static final CoreWords WORDS = CoreWords.MESSAGES;
    /** What a phone number or address is written with that is not part of it: compiled once, not per message. */
    private static final Pattern SPACES_AND_DASHES = Pattern.compile("[\\s-]");

    /** A mobile number messages go to by SMS (as {@link #contact} writes it). */
    private static final Pattern MOBILE = Pattern.compile("03\\d{9}");

    private MessageTexts() {
    }

    /**
     * @return the messages {@code event} makes, queued, not stored yet: one per channel the form has an answer for (an
     *     SMS to a mobile number, an email), none for an event that has no words
     */
    static List<Notification> compose(TrackedApplication application, String event, Instant now) {
        List<Notification> composed = new ArrayList<>();
        Optional<String> text = text(application, event);
        if (text.isEmpty()) {
            return composed;
        }
        contact(application, FieldType.PHONE).filter(p -> MOBILE.matcher(p).matches())
                .ifPresent(phone -> composed.add(message(application, event, NotificationProvider.SMS, phone, text.get(), now)));
        contact(application, FieldType.EMAIL)
                .ifPresent(mail -> composed.add(message(application, event, NotificationProvider.EMAIL, mail, text.get(), now)));
        return composed;
    }

    private static Notification message(TrackedApplication a, String event, String channel, String to, String text,
            Instant now) {
        return new Notification(0, a.application().reference(), event, channel, to, text, Notification.QUEUED, null, null,
                0, now, null, null);
    }

    static Optional<String> text(TrackedApplication a, String event) {
        ServiceDescriptor d = a.descriptor();
        String ref = a.application().reference();
        String id = a.application().status();
        Optional<State> state = d.workflow().state(id);
        List<String> lines = new ArrayList<>();
        for (String lang : LANGUAGES) {
            String title = d.title().in(lang);
            switch (event) {
                case "submitted" -> lines.add(WORDS.get(lang, "notify.submitted", ref, title));
                case "paid" -> lines.add(WORDS.get(lang, "notify.paid", ref, title));
                case "status" -> {
                    String now = state.map(x -> x.label().in(lang)).orElse(id);
                    String extra = id.equals("ready") || id.equals("issued") ? "notify.status.ready"
                            : id.equals("documents-requested") ? "notify.status.documents" : null;
                    lines.add(WORDS.get(lang, "notify.status", ref, title, now)
                            + (extra == null ? "" : " " + WORDS.get(lang, extra)));
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(String.join("\n", lines));
    }

    static String subject(Notification n) {
        return WORDS.get("en", "notify.subject", n.reference());
    }

    /** @return the first answer of a phone or e-mail question of the form */
    static Optional<String> contact(TrackedApplication a, FieldType type) {
        for (Field f : Applications.questions(a.descriptor())) {
            String answer = a.application().answers().get(f.name());
            if (f.type() == type && answer != null && !answer.isBlank()) {
                return Optional.of(SPACES_AND_DASHES.matcher(answer).replaceAll(""));
            }
        }
        return Optional.empty();
    }
}
