package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.FormHtml;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.page.Promises;
import org.khidmat.web.internal.page.StartPage;
import org.khidmat.web.internal.page.Wording;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.Problem;
import org.khidmat.api.descriptor.FeeTier;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.FieldType;
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
        Draft d = drafts.start(request, response, e.id());
        d.tokenId = token.id();
        d.tokenNumber = token.number();
        d.operator = operator;
        Exchange.redirect(response, callback, e.descriptor().fees().size() > 1 ? base(e) + "tier" : base(e) + "page/1");
    }

    void handle(Request request, Response response, Callback callback, String lang, CatalogueEntry e, String step)
            throws IOException, Exchange.TooLarge {
        Draft draft = drafts.find(request, e.id());
        if (draft == null) {
            Exchange.redirect(response, callback, "/services/" + e.id());
            return;
        }
        synchronized (draft) {
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
    }

    private void tier(Request request, Response response, Callback callback, String lang, CatalogueEntry e, Draft draft)
            throws IOException, Exchange.TooLarge {
        ServiceDescriptor d = e.descriptor();
        List<Problem> problems = List.of();
        if (Exchange.isPost(request)) {
            String chosen = Exchange.form(request).getOrDefault("tier", "");
            if (d.fee(chosen).isPresent()) {
                draft.tier = chosen;
                Exchange.redirect(response, callback, isChange(request) ? base(e) + "check" : base(e) + "page/1");
                return;
            }
            problems = List.of(Wording.problem(Messages.CITIZEN, "tier", "chooseTierProblem"));
        }
        Http.html(response, callback, 200, Layout.render(request, lang, "citizen/tier.jte",
                new ApplyViews.Tier(d, problems, draft.tier, "/services/" + e.id())));
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
                problems = List.of(Wording.problem(Messages.CITIZEN, fields.isEmpty() ? "form" : fields.get(0).name(), "tooLong"));
            }
            if (problems.isEmpty()) {
                drafts.keep(draft, answers);
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
        Http.html(response, callback, 200, Layout.render(request, lang, "citizen/question.jte",
                new QuestionPage(d, fields, answers, problems, at + 1, pages.size(), back)));
    }

    private void check(Request request, Response response, Callback callback, String lang, CatalogueEntry e, Draft draft)
            throws IOException, Exchange.TooLarge {
        ServiceDescriptor d = e.descriptor();
        List<Problem> problems = List.of();
        if (Exchange.isPost(request)) {
            Exchange.form(request);
            SubmitResult r = applications.submit(d.id(), draft.tier, draft.answers);
            switch (r.outcome()) {
                case ACCEPTED -> {
                    draft.reference = r.reference();
                    if (draft.tokenId > 0) {
                        tie(draft);
                    }
                    Exchange.redirect(response, callback, base(e) + "done");
                    return;
                }
                case INVALID -> problems = r.problems();
                default -> {
                    Http.html(response, callback, 503, Layout.render(request, lang, "citizen/notSent.jte", d));
                    return;
                }
            }
        }
        List<Integer> all = pages(d);
        String back = all.isEmpty() ? base(e) + "tier" : base(e) + "page/" + all.get(all.size() - 1);
        List<FormHtml.Listed> listed = new ArrayList<>();
        for (Problem p : problems) {
            String link = p.field() == null ? null : "tier".equals(p.field()) ? base(e) + "tier?change=1"
                    : d.field(p.field()).map(f -> base(e) + "page/" + f.page() + "?change=1#f-" + f.name()).orElse(null);
            listed.add(new FormHtml.Listed(FormHtml.said(p, lang), link));
        }
        List<ApplyViews.Row> rows = new ArrayList<>();
        if (d.fees().size() > 1) {
            String tier = d.fee(draft.tier).map(t -> t.title().in(lang)).orElse(Messages.of(Messages.CITIZEN, lang).get("notGiven"));
            rows.add(new ApplyViews.Row(Messages.of(Messages.CITIZEN, lang).get("tier"), new FormHtml.Answer(tier, false),
                    base(e) + "tier?change=1"));
        }
        for (Field f : Applications.questions(d)) {
            rows.add(new ApplyViews.Row(f.label().in(lang), FormHtml.answer(f, draft.answers, lang),
                    base(e) + "page/" + f.page() + "?change=1#f-" + f.name()));
        }
        Http.html(response, callback, 200, Layout.render(request, lang, "citizen/check.jte", new ApplyViews.Check(d, listed, back, rows)));
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

    private void done(Request request, Response response, Callback callback, String lang, CatalogueEntry e, Draft draft) {
        if (draft.reference == null) {
            Exchange.redirect(response, callback, base(e) + "check");
            return;
        }
        ServiceDescriptor d = e.descriptor();
        String promised = d.fee(draft.tier).map(t -> Promises.daysText(t.days(), lang)).orElse(Promises.daysText(d, lang));
        long amount = (draft.tier == null ? Optional.<FeeTier>empty() : d.fee(draft.tier)).orElse(d.lowestFee()).amount();
        String cnic = Applications.questions(d).stream().filter(f -> f.type() == FieldType.CNIC).findFirst()
                .map(f -> draft.answers.getOrDefault(f.name(), "")).orElse("");
        Http.html(response, callback, 200, Layout.render(request, lang, "citizen/done.jte", new ApplyViews.Done(d, draft.reference,
                promised, amount, cnic, draft.tokenId == 0 ? null : draft.tokenNumber)));
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
