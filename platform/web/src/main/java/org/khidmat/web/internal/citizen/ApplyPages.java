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
import org.khidmat.web.internal.citizen.Drafts.Draft;

/**
 * The form of a service, {@code /apply/{id}/...}: the speed ({@code tier}), one page per descriptor {@code page}
 * ({@code page/N}), check your answers ({@code check}), and the confirmation ({@code done}). Answers live in the
 * caller's draft in the database ({@link Drafts}), so any node serves any step; each POST redirects to the next GET.
 * Check and confirmation are {@link FilingSteps}. An operator fills the same form for the citizen of a
 * called token ({@link #startForToken}); the filed application is then tied to the token.
 */
public final class ApplyPages {
    private final Applications applications;
    private final Drafts drafts;
    private final FilingSteps filing;

    public ApplyPages(Applications applications, Drafts drafts, Queue queue) {
        this.applications = applications;
        this.drafts = drafts;
        this.filing = new FilingSteps(applications, drafts, queue);
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
            filing.done(request, response, callback, lang, e, draft);
        } else if (draft.reference != null) {
            Exchange.redirect(response, callback, base(e) + "done");
        } else if (step.equals("tier")) {
            tier(request, response, callback, lang, e, draft);
        } else if (step.equals("check")) {
            filing.check(request, response, callback, lang, e, draft);
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
        Http.html(response, callback, 200, Layout.render(request, lang, "citizen/question.jte",
                new QuestionPage(d, fields, answers, problems, at + 1, pages.size(), back)));
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

    static String base(CatalogueEntry e) {
        return "/apply/" + e.id() + "/";
    }
}
