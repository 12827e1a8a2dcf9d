package org.khidmat.web.internal.citizen;

import static org.khidmat.web.internal.citizen.ApplyPages.base;
import static org.khidmat.web.internal.citizen.ApplyPages.pages;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.ServiceAway;
import org.khidmat.web.internal.page.FormHtml;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.Promises;
import org.khidmat.web.internal.page.Messages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
        Messages words = Messages.of(Messages.CITIZEN, lang);
        List<ApplyViews.Row> rows = new ArrayList<>();
        if (d.fees().size() > 1) {
            String tier = d.fee(draft.tier).map(t -> t.title().in(lang)).orElse(words.get("notGiven"));
            rows.add(new ApplyViews.Row(words.get("tier"), new FormHtml.Answer(tier, false), base(e) + "tier?change=1"));
        }
        for (Field f : Applications.questions(d)) {
            rows.add(new ApplyViews.Row(f.label().in(lang), FormHtml.answer(f, draft.answers, lang),
                    base(e) + "page/" + f.page() + "?change=1#f-" + f.name()));
        }
        Http.html(response, callback, 200, Layout.render(request, lang, "citizen/check.jte", new ApplyViews.Check(d, listed, back, rows)));
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

    void done(Request request, Response response, Callback callback, String lang, CatalogueEntry e, Draft draft) {
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
}
