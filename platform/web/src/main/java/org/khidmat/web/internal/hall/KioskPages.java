package org.khidmat.web.internal.hall;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.FormHtml;
import org.khidmat.web.internal.page.HallWords;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.Words;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.Problem;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.Digits;
import org.khidmat.api.platform.Queue;
import org.khidmat.api.platform.QueueToken;

/**
 * The kiosk: {@code GET /queue} lists the services by category (searchable) as big buttons in one form with an
 * optional application reference; {@code POST /queue} takes a token and redirects to its page,
 * {@code GET /queue/tokens/{id}}: the number, the service, how many wait ahead and the estimated wait, or the counter
 * to go to once it is called. A token page shows no personal data: the number is shown in the hall anyway.
 */
public final class KioskPages {
    private final Queue queue;
    private final Catalogue catalogue;
    private final Applications applications;

    KioskPages(Queue queue, Catalogue catalogue, Applications applications) {
        this.queue = queue;
        this.catalogue = catalogue;
        this.applications = applications;
    }

    /**
     * The reference a token may carry: only an application of that service filed with that CNIC. Anything else, an
     * unknown reference, another service's, another person's, or one without a CNIC, is refused alike, so the kiosk
     * tells a stranger nothing about a reference.
     *
     * @return the application's reference, or empty when the pair does not name one of the service
     */
    public static Optional<String> reference(Applications applications, String serviceId, String reference, String cnic) {
        if (cnic == null || cnic.isBlank()) {
            return Optional.empty();
        }
        return applications.track(reference.strip(), cnic.strip()).filter(t -> t.application().serviceId().equals(serviceId))
                .map(t -> t.application().reference());
    }

    void kiosk(Request request, Response response, Callback callback, String lang) throws IOException, Exchange.TooLarge {
        if (!Exchange.isPost(request)) {
            Http.html(response, callback, 200, render(request, lang, Exchange.query(request).getOrDefault("q", ""), "", List.of()));
            return;
        }
        Map<String, String> form = Exchange.form(request);
        String serviceId = form.getOrDefault("service", "");
        String reference = Digits.ascii(form.getOrDefault("reference", "")).strip();
        String cnic = Digits.ascii(form.getOrDefault("cnic", "")).strip();
        Optional<CatalogueEntry> e = serviceId.isEmpty() ? Optional.empty() : catalogue.service(serviceId);
        Problem problem = null;
        if (serviceId.isEmpty()) {
            problem = HallWords.problem("services", "chooseService");
        } else if (e.isEmpty()) {
            problem = HallWords.problem("services", "noService");
        } else if (!e.get().enabled()) {
            problem = HallWords.problem("services", "serviceOff");
        } else {
            try {
                String ref = reference.isEmpty() ? null : reference(applications, serviceId, reference, cnic)
                        .orElseThrow(() -> new IllegalArgumentException("no such application"));
                QueueToken t = queue.take(serviceId, ref);
                Exchange.redirect(response, callback, "/queue/tokens/" + t.id());
                return;
            } catch (IllegalArgumentException x) {
                problem = HallWords.problem("reference", "noRef");
            } catch (IllegalStateException x) {
                problem = HallWords.problem("services", "serviceOff");
            } catch (NoSuchElementException x) {
                problem = HallWords.problem("services", "noService");
            }
        }
        Http.html(response, callback, 422, render(request, lang, "", reference, List.of(problem)));
    }

    private String render(Request request, String lang, String words, String reference, List<Problem> problems) {
        Problem general = FormHtml.problemFor(problems, "services");
        StringBuilder b = new StringBuilder(FormHtml.summary(problems, lang))
                .append("<h1>").append(HallWords.get("queueTitle", lang)).append("</h1><p>")
                .append(HallWords.get("queueIntro", lang)).append("</p><p><a href=\"/appointments/check-in\" id=\"check-in-link\">")
                .append(HallWords.get("haveAppt", lang)).append(' ').append(HallWords.get("checkIn", lang)).append("</a></p>\n")
                .append(ServiceChooser.search("/queue", words, lang))
                .append("<form method=\"post\" action=\"/queue\" novalidate>")
                .append(FormHtml.input("reference", HallWords.get("refOptional", lang), HallWords.get("refOptionalHint", lang),
                        reference, problems, lang))
                .append(FormHtml.input("cnic", HallWords.get("cnicWithRef", lang), HallWords.get("cnicHint", lang), "",
                        problems, lang));
        if (general != null) {
            b.append("<p class=\"message\" id=\"f-services\">").append(Words.get("error", lang)).append(": ")
                    .append(Http.text("ur".equals(lang) ? general.ur() : general.en(), lang)).append("</p>");
        }
        b.append(ServiceChooser.list(ServiceChooser.grouped(catalogue.services(), words), lang,
                e -> !e.enabled() ? ServiceChooser.unavailable(e, lang) : "<button type=\"submit\" class=\"choice-button\" name=\"service\" value=\"" + Http.escape(e.id())
                        + "\" id=\"take-" + Http.escape(e.id()) + "\">" + Http.text(e.descriptor().title().in(lang), lang)
                        + "<span class=\"meta\">" + Http.text(e.descriptor().agency().name().in(lang), lang) + "</span></button>"))
                .append("</form>");
        String title = (problems.isEmpty() ? "" : Words.get("error", lang) + ": ") + HallWords.get("queueTitle", lang);
        return Layout.page(request, lang, title, b.toString());
    }

    void token(Request request, Response response, Callback callback, String lang, String id) {
        Optional<QueueToken> t = parse(id).flatMap(queue::token);
        if (t.isEmpty()) {
            Http.html(response, callback, 404, Layout.page(request, lang, HallWords.get("noToken", lang), "<h1>"
                    + HallWords.get("noToken", lang) + "</h1><p><a href=\"/queue\">" + HallWords.get("takeAnother", lang) + "</a></p>"));
            return;
        }
        TokenStatus s = TokenStatus.of(queue, t.get());
        QueueToken token = s.token();
        String service = catalogue.service(token.serviceId()).map(e -> Http.text(e.descriptor().title().in(lang), lang))
                .orElse(Http.escape(token.serviceId()));
        StringBuilder b = new StringBuilder("<div class=\"panel token\"><h1 class=\"flush\">")
                .append(HallWords.get("yourToken", lang)).append("</h1><p class=\"token-number\" id=\"token-number\" dir=\"ltr\">")
                .append(Http.escape(token.number())).append("</p><p id=\"token-service\">").append(service).append("</p></div>");
        if (token.appointment() != null) {
            b.append("<p id=\"token-appointment\">").append(HallWords.get("withAppointment", lang)).append("</p>");
        }
        switch (token.state()) {
            case QueueToken.WAITING -> {
                b.append("<dl class=\"facts\"><div class=\"row\"><dt>").append(HallWords.get("ahead", lang))
                        .append("</dt><dd id=\"ahead\">").append(s.ahead()).append("</dd></div><div class=\"row\"><dt>")
                        .append(HallWords.get("wait", lang)).append("</dt><dd id=\"wait\">").append(waitWords(s, lang))
                        .append("</dd></div></dl><p id=\"token-state\">").append(HallWords.get("watch", lang)).append("</p>");
            }
            case QueueToken.CALLED -> b.append("<p id=\"token-state\" class=\"called\">").append(HallWords.get("calledTo", lang))
                    .append(" <strong id=\"token-counter\">").append(token.counter()).append("</strong></p>");
            case QueueToken.SERVED -> b.append("<p id=\"token-state\">").append(HallWords.get("served", lang)).append("</p>");
            default -> b.append("<p id=\"token-state\">").append(HallWords.get("missed", lang)).append("</p>");
        }
        b.append("<p><a href=\"/queue/tokens/").append(token.id()).append("\" id=\"refresh\">").append(HallWords.get("refresh", lang))
                .append("</a> &middot; <a href=\"/queue\">").append(HallWords.get("takeAnother", lang)).append("</a></p>");
        Http.html(response, callback, 200, Layout.page(request, lang, HallWords.get("yourToken", lang) + " "
                + Http.escape(token.number()), b.toString()));
    }

    /** @return the wait in words: "You are next", "About 15 minutes", or that no counter serves it */
    static String waitWords(TokenStatus s, String lang) {
        if (s.minutes().isEmpty()) {
            return HallWords.get("noCounter", lang);
        }
        long m = s.minutes().get();
        return s.ahead() == 0 || m == 0 ? HallWords.get("next", lang)
                : HallWords.get(m == 1 ? "aboutAMinute" : "aboutMinutes", lang, m);
    }

    public static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id)).filter(n -> n > 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
