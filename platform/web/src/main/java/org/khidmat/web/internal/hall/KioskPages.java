package org.khidmat.web.internal.hall;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.FormProblem;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.Messages;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
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

    /** The kiosk page: the problems of a refused token, the search words, the reference typed, the services by category. */
    record Kiosk(List<FormProblem> problems, String words, String reference, Map<String, List<CatalogueEntry>> groups) {
    }

    /** A token page: where the token stands and its service's title. */
    record Token(TokenStatus status, String service) {
        /** @return the wait in words: "You are next", "About 15 minutes", or that no counter serves it */
        String waitWords(Messages m) {
            if (status.minutes().isEmpty()) {
                return m.get("noCounter");
            }
            long minutes = status.minutes().get();
            return status.ahead() == 0 || minutes == 0 ? m.get("next") : m.get("aboutMinutes", minutes);
        }
    }

    void kiosk(Request request, Response response, Callback callback, String lang) throws IOException, Exchange.TooLarge {
        Messages m = Messages.of(Messages.HALL, lang);
        if (!Exchange.isPost(request)) {
            Http.html(response, callback, 200, render(request, m, Exchange.query(request).getOrDefault("q", ""), "", List.of()));
            return;
        }
        Map<String, String> form = Exchange.form(request);
        String serviceId = form.getOrDefault("service", "");
        String reference = Digits.ascii(form.getOrDefault("reference", "")).strip();
        String cnic = Digits.ascii(form.getOrDefault("cnic", "")).strip();
        Optional<CatalogueEntry> e = serviceId.isEmpty() ? Optional.empty() : catalogue.service(serviceId);
        FormProblem problem;
        if (serviceId.isEmpty()) {
            problem = FormProblem.of(m, "services", "chooseService");
        } else if (e.isEmpty()) {
            problem = FormProblem.of(m, "services", "noService");
        } else if (!e.get().enabled()) {
            problem = FormProblem.of(m, "services", "serviceOff");
        } else {
            try {
                String ref = reference.isEmpty() ? null : reference(applications, serviceId, reference, cnic)
                        .orElseThrow(() -> new IllegalArgumentException("no such application"));
                QueueToken t = queue.take(serviceId, ref);
                Exchange.redirect(response, callback, "/queue/tokens/" + t.id());
                return;
            } catch (IllegalArgumentException x) {
                problem = FormProblem.of(m, "reference", "noRef");
            } catch (IllegalStateException x) {
                problem = FormProblem.of(m, "services", "serviceOff");
            } catch (NoSuchElementException x) {
                problem = FormProblem.of(m, "services", "noService");
            }
        }
        Http.html(response, callback, 422, render(request, m, "", reference, List.of(problem)));
    }

    private String render(Request request, Messages m, String words, String reference, List<FormProblem> problems) {
        Kiosk view = new Kiosk(problems, words, reference, ServiceChooser.grouped(catalogue.services(), words));
        return Layout.page(request, m.lang(), HallText.title(m, "queueTitle", !problems.isEmpty()),
                HallText.body("hall/kiosk.jte", m, view));
    }

    void token(Request request, Response response, Callback callback, String lang, String id) {
        Messages m = Messages.of(Messages.HALL, lang);
        Optional<QueueToken> t = parse(id).flatMap(queue::token);
        if (t.isEmpty()) {
            Http.html(response, callback, 404, Layout.page(request, m.lang(), HallText.title(m, "noToken", false),
                    HallText.body("hall/noToken.jte", m, null)));
            return;
        }
        TokenStatus s = TokenStatus.of(queue, t.get());
        QueueToken token = s.token();
        String service = catalogue.service(token.serviceId()).map(e -> e.descriptor().title().in(m.lang())).orElse(token.serviceId());
        Http.html(response, callback, 200, Layout.page(request, m.lang(), HallText.title(m, "yourToken", false) + " "
                + Http.escape(token.number()), HallText.body("hall/token.jte", m, new Token(s, service))));
    }

    public static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id)).filter(n -> n > 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
