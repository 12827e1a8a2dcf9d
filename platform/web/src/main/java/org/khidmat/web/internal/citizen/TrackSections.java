package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.page.Money;

import java.util.List;
import java.util.Optional;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.platform.Notifications;
import org.khidmat.api.platform.Payment;
import org.khidmat.api.platform.Payments;
import org.khidmat.api.platform.Rating;
import org.khidmat.api.platform.Ratings;
import org.khidmat.api.platform.TrackedApplication;

/**
 * What the track page adds for the applicant under the status ({@code citizen/sections.jte}): the fee (nothing due,
 * pending with a way to pay, or paid with the receipt), once the application is finished the rating, and the messages
 * sent about it (their recipients masked). Its buttons carry the reference and CNIC on in POSTed forms.
 */
public final class TrackSections {
    private final Payments payments;
    private final Ratings ratings;
    private final Notifications notifications;

    /**
     * What the sections show of one application.
     *
     * @param payState {@code none}, {@code due}, {@code pending} or {@code paid} ({@link Money#state})
     * @param payment the payment when there is one
     * @param amountDue the tier's fee, for a fee due and not started
     * @param finished whether the application is in a final state (then it may be rated)
     * @param rating the citizen's rating, when given
     */
    record View(String reference, String cnic, String payState, Payment payment, long amountDue, boolean finished, Rating rating,
            List<Notification> sent) {
    }

    public TrackSections(Payments payments, Ratings ratings, Notifications notifications) {
        this.payments = payments;
        this.ratings = ratings;
        this.notifications = notifications;
    }

    View of(TrackedApplication t, String cnic) {
        String ref = t.application().reference();
        Optional<Payment> p = payments.payment(ref);
        boolean finished = t.descriptor().workflow().state(t.application().status()).map(s -> s.terminal()).orElse(false);
        return new View(ref, cnic, Money.state(t, p), p.orElse(null), Money.tier(t).amount(), finished,
                finished ? ratings.rating(ref).orElse(null) : null, notifications.forReference(ref));
    }

    /**
     * A message sent in two languages says each in its own line: the line's language, so that an Urdu line on an
     * English page is set in Nastaliq (and joined) and an English line on an Urdu page is read as English.
     *
     * @return {@code ur} when the line's first letter is of the Arabic script, {@code en} when it is Latin, else null
     */
    static String lineLang(String line) {
        for (int i = 0; i < line.length(); i++) {
            byte d = Character.getDirectionality(line.charAt(i));
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT) {
                return "ur";
            }
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return Character.isLetter(line.charAt(i)) ? "en" : null;
            }
        }
        return null;
    }

    /** @return whether the centre has words for the channel; else it is shown as it is */
    static boolean namedChannel(String channel) {
        return "sms".equals(channel) || "email".equals(channel);
    }

    /** @return whether the centre has words for the message's state; else it is shown as it is */
    static boolean namedState(String state) {
        return List.of(Notification.QUEUED, Notification.SENT, Notification.FAILED).contains(state);
    }
}
