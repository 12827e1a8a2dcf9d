package org.khidmat.web.internal.citizen;

import static org.khidmat.web.internal.citizen.ApplyPages.base;
import static org.khidmat.web.internal.citizen.ApplyPages.caption;
import static org.khidmat.web.internal.citizen.ApplyPages.pages;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.ServiceAway;
import org.khidmat.web.internal.page.FormHtml;
import org.khidmat.web.internal.page.HallWords;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.Promises;
import org.khidmat.web.internal.page.Words;
import org.khidmat.web.internal.pay.PayPage;

import java.io.IOException;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.Problem;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.Queue;
import org.khidmat.api.platform.SubmitResult;
import org.khidmat.web.internal.citizen.Drafts.Draft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last steps of a form ({@link ApplyPages}): check your answers, filing, and the confirmation. Filing claims the
 * draft first ({@link Drafts#claim}), so two requests filing one draft at once (a double click sent to two nodes)
 * file it once; the reference is kept in the draft, and shown at once when the draft cannot keep it.
 */
final class FilingSteps {
    private static final Logger LOG = LoggerFactory.getLogger(FilingSteps.class);
    private final Applications applications;
    private final Drafts drafts;
    private final Queue queue;

    FilingSteps(Applications applications, Drafts drafts, Queue queue) {
        this.applications = applications;
        this.drafts = drafts;
        this.queue = queue;
    }

    void check(Request request, Response response, Callback callback, String lang, CatalogueEntry e, Draft draft)
            throws IOException, Exchange.TooLarge {
        ServiceDescriptor d = e.descriptor();
        List<Problem> problems = List.of();
        if (Exchange.isPost(request)) {
            Exchange.form(request);
            if (!drafts.claim(draft)) { // being filed by another request (a double click, maybe on another node)
                Exchange.redirect(response, callback, base(e) + "done");
                return;
            }
            SubmitResult r;
            try {
                r = applications.submit(d.id(), draft.tier, draft.answers);
            } catch (RuntimeException failed) {
                release(draft);
                throw failed;
            }
            switch (r.outcome()) {
                case ACCEPTED -> {
                    draft.reference = r.reference();
                    if (draft.tokenId > 0) {
                        tie(draft);
                    }
                    filed(request, response, callback, lang, e, draft);
                    return;
                }
                case INVALID -> {
                    problems = r.problems();
                    release(draft);
                }
                default -> {
                    release(draft);
                    Http.html(response, callback, 503, Layout.page(request, lang, Words.get("unavailable", lang),
                            "<h1>" + Words.get("unavailable", lang) + "</h1><p>" + Words.get("unavailableText", lang) + "</p>"));
                    return;
                }
            }
        }
        List<Integer> all = pages(d);
        StringBuilder b = new StringBuilder(QuestionPage.backLink(all.isEmpty() ? base(e) + "tier" : base(e) + "page/"
                + all.get(all.size() - 1), lang));
        if (!problems.isEmpty()) {
            b.append("<div class=\"summary\" id=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus aria-labelledby=\"summary-title\">"
                    + "<h2 id=\"summary-title\">").append(Words.get("problem", lang)).append("</h2><ul>");
            for (Problem p : problems) {
                String text = Http.text("ur".equals(lang) ? p.ur() : p.en(), lang);
                String link = p.field() == null ? null : "tier".equals(p.field()) ? base(e) + "tier?change=1"
                        : d.field(p.field()).map(f -> base(e) + "page/" + f.page() + "?change=1#f-" + f.name()).orElse(null);
                b.append("<li>").append(link == null ? text : "<a href=\"" + Http.escape(link) + "\">" + text + "</a>").append("</li>");
            }
            b.append("</ul></div>");
        }
        b.append(caption(d, lang)).append("<h1>").append(Words.get("check", lang)).append("</h1>\n<dl id=\"answers\">");
        if (d.fees().size() > 1) {
            String tierTitle = d.fee(draft.tier).map(t -> Http.text(t.title().in(lang), lang)).orElse(Words.get("notGiven", lang));
            row(b, Words.get("tier", lang), tierTitle, base(e) + "tier?change=1", lang);
        }
        for (Field f : Applications.questions(d)) {
            row(b, Http.text(f.label().in(lang), lang), FormHtml.shown(f, draft.answers, lang),
                    base(e) + "page/" + f.page() + "?change=1#f-" + f.name(), lang);
        }
        b.append("</dl>\n<p>").append(Words.get("declaration", lang)).append("</p><form method=\"post\">")
                .append("<button type=\"submit\" id=\"submit\">").append(Words.get("submit", lang)).append("</button></form>");
        Http.html(response, callback, 200, Layout.page(request, lang, Words.get("check", lang), b.toString()));
    }

    /**
     * Keeps the reference in the draft and sends the citizen to the confirmation; when the draft cannot be written the
     * application stands all the same, so the confirmation is shown at once, never a failure hiding a filed reference.
     */
    private void filed(Request request, Response response, Callback callback, String lang, CatalogueEntry e, Draft draft) {
        boolean kept;
        try {
            kept = drafts.save(draft);
        } catch (ServiceAway notKept) {
            kept = false;
        }
        if (kept) {
            Exchange.redirect(response, callback, base(e) + "done");
        } else {
            LOG.warn("application {} was filed but its draft could not keep the reference; confirmation shown at once",
                    draft.reference);
            done(request, response, callback, lang, e, draft);
        }
    }

    /** Ends the claim for filing of a draft that was not filed, so the citizen may send it again at once. */
    private void release(Draft draft) {
        try {
            drafts.save(draft);
        } catch (ServiceAway e) {
            // the claim ends by itself after Drafts.FILING
        }
    }

    /** Ties the filed application to the token it was filed for; the application stands even when this fails. */
    private void tie(Draft draft) {
        try {
            if (queue.attach(draft.tokenId, draft.reference, draft.operator).isPresent()) {
                return;
            }
        } catch (RuntimeException e) {
            LOG.warn("tying token {} to its application failed: {}", draft.tokenNumber, e.toString());
        }
        LOG.warn("application {} was filed for token {} but is not tied to it", draft.reference, draft.tokenNumber);
    }

    private static void row(StringBuilder b, String label, String value, String change, String lang) {
        b.append("<div class=\"row\"><dt>").append(label)
                .append("</dt><dd>").append(value).append(" <a href=\"").append(Http.escape(change)).append("\">")
                .append(Words.get("change", lang)).append("<span class=\"skip\"> ").append(label).append("</span></a></dd></div>");
    }

    void done(Request request, Response response, Callback callback, String lang, CatalogueEntry e, Draft draft) {
        if (draft.reference == null) {
            Exchange.redirect(response, callback, base(e) + "check");
            return;
        }
        String b = "<div class=\"panel\"><h1>" + Words.get("done", lang) + "</h1><p>" + Words.get("yourRef", lang)
                + "<br><span class=\"ref\" id=\"reference\" dir=\"ltr\">" + Http.escape(draft.reference) + "</span></p></div>"
                + "<h2>" + Words.get("next", lang) + "</h2><p>" + Words.get("nextText", lang) + "</p><p id=\"promise\">"
                + Words.get("promised", lang) + ": " + e.descriptor().fee(draft.tier).map(t -> Promises.days(t.days(), lang))
                        .orElse(Promises.days(e.descriptor(), lang)) + "</p>"
                + PayPage.nextStep(e.descriptor(), draft.tier, draft.answers, draft.reference, lang)
                + "<p><a href=\"/track\" id=\"track-link\">" + Words.get("trackLink", lang) + "</a></p>";
        b += tokenTie(draft, lang);
        Http.html(response, callback, 200, Layout.page(request, lang, Words.get("done", lang), b));
    }

    /** @return for a form filled at a counter, the token it is tied to and the way back to the counter; else nothing */
    private static String tokenTie(Draft draft, String lang) {
        return draft.tokenId == 0 ? "" : "<p id=\"token-tie\">" + HallWords.get("tiedToToken", lang) + " <strong dir=\"ltr\">"
                + Http.escape(draft.tokenNumber) + "</strong>. <a href=\"/counter\" id=\"back-to-counter\">"
                + HallWords.get("backToCounter", lang) + "</a></p>";
    }
}
