package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.Recipients;
import org.khidmat.web.internal.page.Money;
import org.khidmat.web.internal.page.PayWords;
import org.khidmat.web.internal.page.Words;
import org.khidmat.web.internal.pay.CitizenForms;

import java.util.List;
import java.util.Optional;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.platform.Notifications;
import org.khidmat.api.platform.Payment;
import org.khidmat.api.platform.Payments;
import org.khidmat.api.platform.Ratings;
import org.khidmat.api.platform.TrackedApplication;

/**
 * What the track page adds for the applicant under the status: the fee (nothing due, pending with a way to pay,
 * or paid with the receipt), once the application is finished the rating, and the messages sent about it (their
 * recipients masked). Its buttons carry the reference and CNIC on in POSTed forms.
 */
public final class TrackSections {
    private final Payments payments;
    private final Ratings ratings;
    private final Notifications notifications;

    public TrackSections(Payments payments, Ratings ratings, Notifications notifications) {
        this.payments = payments;
        this.ratings = ratings;
        this.notifications = notifications;
    }

    String html(TrackedApplication t, String cnic, String lang) {
        return payment(t, cnic, lang) + rating(t, cnic, lang) + messages(t, lang);
    }

    private String messages(TrackedApplication t, String lang) {
        List<Notification> sent = notifications.forReference(t.application().reference());
        StringBuilder b = new StringBuilder("<section id=\"messages\" aria-labelledby=\"messages-title\"><h2 id=\"messages-title\">")
                .append(PayWords.get("messages", lang)).append("</h2>");
        if (sent.isEmpty()) {
            return b.append("<p>").append(PayWords.get("noMessages", lang)).append("</p></section>").toString();
        }
        b.append("<table id=\"message-list\"><thead><tr><th scope=\"col\">").append(Words.get("when", lang))
                .append("</th><th scope=\"col\">").append(PayWords.get("sentBy", lang)).append("</th><th scope=\"col\">")
                .append(PayWords.get("sentTo", lang)).append("</th><th scope=\"col\">").append(PayWords.get("message", lang))
                .append("</th></tr></thead><tbody>");
        for (Notification n : sent) {
            String channel = "sms".equals(n.channel()) || "email".equals(n.channel()) ? PayWords.get(n.channel(), lang)
                    : Http.escape(n.channel());
            String state = List.of(Notification.QUEUED, Notification.SENT, Notification.FAILED).contains(n.state())
                    ? PayWords.get(n.state(), lang) : Http.escape(n.state());
            b.append("<tr><td dir=\"ltr\">").append(Money.when(n.sentAt() != null ? n.sentAt() : n.createdAt()))
                    .append("</td><td>").append(channel).append(" <span class=\"meta\">(").append(state).append(")</span></td>")
                    .append("<td dir=\"ltr\" class=\"recipient\">").append(Http.escape(Recipients.mask(n.channel(), n.recipient())))
                    .append("</td><td class=\"text\">");
            for (String line : n.text().split("\n")) {
                b.append("<span class=\"line\" dir=\"auto\">").append(Http.escape(line)).append("</span>");
            }
            b.append("</td></tr>");
        }
        return b.append("</tbody></table></section>").toString();
    }

    private String payment(TrackedApplication t, String cnic, String lang) {
        String ref = t.application().reference();
        Optional<Payment> p = payments.payment(ref);
        String state = Money.state(t, p);
        StringBuilder b = new StringBuilder("<section id=\"payment\" aria-labelledby=\"payment-title\"><h2 id=\"payment-title\">")
                .append(PayWords.get("payment", lang)).append("</h2>");
        switch (state) {
            case Payment.PAID -> b.append("<p id=\"payment-state\">").append(PayWords.get("paidLine", lang)).append(": ")
                    .append(Money.pkr(p.get().amount(), lang)).append(PayWords.get("comma", lang)).append(PayWords.get("receiptNumber", lang)).append(' ')
                    .append(CitizenForms.ltr(Http.escape(p.get().receiptNumber()))).append("</p>")
                    .append(CitizenForms.button("/receipt", lang, ref, cnic, "", "receipt-link", PayWords.get("viewReceipt", lang)));
            case Payment.PENDING -> b.append("<p id=\"payment-state\"><strong>").append(PayWords.get("pending", lang))
                    .append("</strong>: ").append(Money.pkr(p.get().amount(), lang)).append(PayWords.get("fullStop", lang))
                    .append(PayWords.get("pendingStarted", lang)).append("</p>")
                    .append(CitizenForms.button("/pay", lang, ref, cnic, "", "pay-link", PayWords.get("finishPayment", lang)));
            case Money.DUE -> b.append("<p id=\"payment-state\"><strong>").append(PayWords.get("pending", lang))
                    .append("</strong>: ").append(Money.pkr(Money.tier(t).amount(), lang)).append(PayWords.get("fullStop", lang))
                    .append(PayWords.get("pendingDue", lang)).append("</p>")
                    .append(CitizenForms.button("/pay", lang, ref, cnic, "", "pay-link", PayWords.get("pay", lang)));
            default -> b.append("<p id=\"payment-state\">").append(PayWords.get("nothingDue", lang)).append("</p>");
        }
        return b.append("</section>").toString();
    }

    private String rating(TrackedApplication t, String cnic, String lang) {
        boolean finished = t.descriptor().workflow().state(t.application().status()).map(s -> s.terminal()).orElse(false);
        if (!finished) {
            return "";
        }
        String ref = t.application().reference();
        StringBuilder b = new StringBuilder("<section id=\"rating\" aria-labelledby=\"rating-title\"><h2 id=\"rating-title\">")
                .append(PayWords.get("rate", lang)).append("</h2>");
        ratings.rating(ref).ifPresentOrElse(
                r -> b.append("<p id=\"rating-state\">").append(PayWords.get("ratedText", lang, r.stars())).append("</p>"),
                () -> b.append("<p>").append(PayWords.get("rateIntro", lang)).append("</p>").append(CitizenForms.button("/rate", lang,
                        ref, cnic, CitizenForms.hidden("prefill", "1"), "rate-link", PayWords.get("rate", lang))));
        return b.append("</section>").toString();
    }
}
