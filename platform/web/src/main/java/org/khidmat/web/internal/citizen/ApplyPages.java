package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.ServiceAway;
import org.khidmat.web.internal.page.FormHtml;
import org.khidmat.web.internal.page.HallWords;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.PayWords;
import org.khidmat.web.internal.page.Promises;
import org.khidmat.web.internal.page.StartPage;
import org.khidmat.web.internal.page.Words;
import org.khidmat.web.internal.pay.PayPage;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.Problem;
import org.khidmat.api.descriptor.FeeTier;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.Queue;
import org.khidmat.api.platform.QueueToken;
import org.khidmat.api.platform.SubmitResult;
import org.khidmat.web.internal.citizen.Drafts.Draft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The form of a service, {@code /apply/{id}/...}: the speed ({@code tier}), one page per descriptor {@code page}
 * ({@code page/N}), check your answers ({@code check}), and the confirmation ({@code done}). Answers live in the
 * caller's server-side draft; each POST redirects to the next GET. An operator fills the same form for the citizen of a
 * called token ({@link #startForToken}); the filed application is then tied to the token.
 */
public final class ApplyPages {
    private static final Logger LOG = LoggerFactory.getLogger(ApplyPages.class);
    private final Applications applications;
    private final Drafts drafts;
    private final Queue queue;

    public ApplyPages(Applications applications, Drafts drafts, Queue queue) {
        this.applications = applications;
        this.drafts = drafts;
        this.queue = queue;
    }

    void start(Request request, Response response, Callback callback, CatalogueEntry e) {
        drafts.start(request, response, e.id());
        Exchange.redirect(response, callback, e.descriptor().fees().size() > 1 ? base(e) + "tier" : base(e) + "page/1");
    }

    /**
     * Starts the form for the citizen of a called token, filled by the operator at the counter: once it is filed, the
     * token is tied to the application ({@link Queue#attach}) in the operator's name.
     */
    public void startForToken(Request request, Response response, Callback callback, CatalogueEntry e, QueueToken token,
            String operator) {
        drafts.start(request, response, e.id(), token.id(), token.number(), operator);
        Exchange.redirect(response, callback, e.descriptor().fees().size() > 1 ? base(e) + "tier" : base(e) + "page/1");
    }

    void handle(Request request, Response response, Callback callback, String lang, CatalogueEntry e, String step)
            throws IOException, Exchange.TooLarge {
        Draft draft = drafts.find(request, e.id());
        if (draft == null) {
            Exchange.redirect(response, callback, "/services/" + e.id());
            return;
        }
        if (step.equals("done")) {
            done(request, response, callback, lang, e, draft);
        } else if (draft.reference != null) {
            Exchange.redirect(response, callback, base(e) + "done");
        } else if (step.equals("tier")) {
            tier(request, response, callback, lang, e, draft);
        } else if (step.equals("check")) {
            check(request, response, callback, lang, e, draft);
        } else if (step.startsWith("page/") && pages(e.descriptor()).contains(number(step.substring(5)))) {
            page(request, response, callback, lang, e, draft, number(step.substring(5)));
        } else {
            Http.html(response, callback, 404, StartPage.notFound(request, lang));
        }
    }

    /** The draft went (idle too long, or given way) between its read and its write: the form starts again. */
    private static void gone(Response response, Callback callback, CatalogueEntry e) {
        Exchange.redirect(response, callback, "/services/" + e.id());
    }

    private void tier(Request request, Response response, Callback callback, String lang, CatalogueEntry e, Draft draft)
            throws IOException, Exchange.TooLarge {
        ServiceDescriptor d = e.descriptor();
        List<Problem> problems = List.of();
        if (Exchange.isPost(request)) {
            String chosen = Exchange.form(request).getOrDefault("tier", "");
            if (d.fee(chosen).isPresent()) {
                draft.tier = chosen;
                if (!drafts.save(draft)) {
                    gone(response, callback, e);
                    return;
                }
                Exchange.redirect(response, callback, isChange(request) ? base(e) + "check" : base(e) + "page/1");
                return;
            }
            problems = List.of(Problem.of("tier", "Choose how fast you need it", "مطلوبہ رفتار منتخب کریں"));
        }
        Problem problem = problems.isEmpty() ? null : problems.get(0);
        StringBuilder b = new StringBuilder(QuestionPage.backLink("/services/" + e.id(), lang)).append(FormHtml.summary(problems, lang));
        b.append(caption(d, lang)).append("<form method=\"post\" novalidate><div class=\"field").append(problem == null ? "" : " field-error")
                .append("\"><fieldset").append(problem == null ? "" : " aria-describedby=\"tier-error\"")
                .append("><legend><h1 class=\"flush\">").append(Words.get("chooseTier", lang)).append("</h1></legend>");
        if (problem != null) {
            b.append("<span class=\"message\" id=\"tier-error\">").append(Words.get("error", lang)).append(": ")
                    .append(Http.text("ur".equals(lang) ? problem.ur() : problem.en(), lang)).append("</span>");
        }
        int i = 0;
        for (FeeTier f : d.fees()) {
            String id = i++ == 0 ? "f-tier" : "f-tier-" + i;
            b.append("<div class=\"choice\"><input type=\"radio\" name=\"tier\" id=\"").append(id).append("\" value=\"")
                    .append(Http.escape(f.id())).append('"').append(f.id().equals(draft.tier) ? " checked" : "")
                    .append("> <label for=\"").append(id).append("\">").append(Http.text(f.title().in(lang), lang)).append(": ")
                    .append(Promises.fee(f.amount(), lang)).append(PayWords.get("comma", lang)).append(Promises.days(f.days(), lang))
                    .append("</label></div>");
        }
        b.append("</fieldset></div><button type=\"submit\" id=\"continue\">").append(Words.get("continue", lang))
                .append("</button></form>");
        Http.html(response, callback, 200, Layout.page(request, lang, Words.get("chooseTier", lang), b.toString()));
    }

    private void page(Request request, Response response, Callback callback, String lang, CatalogueEntry e, Draft draft,
            int n) throws IOException, Exchange.TooLarge {
        ServiceDescriptor d = e.descriptor();
        List<Field> fields = Applications.questions(d).stream().filter(f -> f.page() == n).toList();
        List<Problem> problems = List.of();
        Map<String, String> answers = draft.answers;
        if (Exchange.isPost(request)) {
            Map<String, String> posted = Exchange.form(request);
            // checked before anything is kept: a page the rules refuse is shown again from what was sent, and the
            // draft keeps only what they accepted
            answers = new LinkedHashMap<>(draft.answers);
            for (Field f : fields) {
                String v = FormHtml.posted(f, posted);
                if (v.isEmpty()) {
                    answers.remove(f.name());
                } else {
                    answers.put(f.name(), v);
                }
            }
            problems = applications.checkPage(d.id(), answers, n);
            if (problems.isEmpty() && !Drafts.fits(answers)) {
                problems = List.of(Problem.of(fields.isEmpty() ? "form" : fields.get(0).name(),
                        "The answers are too long. Please shorten them.", "جوابات بہت طویل ہیں۔ براہ کرم انہیں مختصر کریں۔"));
            }
            if (problems.isEmpty()) {
                if (!drafts.keep(draft, answers)) {
                    gone(response, callback, e);
                    return;
                }
                List<Integer> pages = pages(d);
                int at = pages.indexOf(n);
                boolean last = at == pages.size() - 1;
                Exchange.redirect(response, callback, isChange(request) || last ? base(e) + "check"
                        : base(e) + "page/" + pages.get(at + 1));
                return;
            }
        }
        List<Integer> pages = pages(d);
        int at = pages.indexOf(n);
        String back = at > 0 ? base(e) + "page/" + pages.get(at - 1) : d.fees().size() > 1 ? base(e) + "tier" : "/services/" + e.id();
        String body = QuestionPage.render(d, fields, answers, problems, pages, n, back, lang);
        String title = (problems.isEmpty() ? "" : Words.get("error", lang) + ": ") + Http.escape(QuestionPage.heading(fields, lang))
                + " - " + Http.escape(d.title().in(lang));
        Http.html(response, callback, 200, Layout.page(request, lang, title, body));
    }

    private void check(Request request, Response response, Callback callback, String lang, CatalogueEntry e, Draft draft)
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

    private void done(Request request, Response response, Callback callback, String lang, CatalogueEntry e, Draft draft) {
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

    private static String caption(ServiceDescriptor d, String lang) {
        return "<p class=\"meta\">" + Http.text(d.title().in(lang), lang) + "</p>";
    }

    static List<Integer> pages(ServiceDescriptor d) {
        return Applications.questions(d).stream().map(Field::page).distinct().sorted().toList();
    }

    private static boolean isChange(Request request) {
        return "1".equals(Exchange.query(request).get("change"));
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String base(CatalogueEntry e) {
        return "/apply/" + e.id() + "/";
    }
}
