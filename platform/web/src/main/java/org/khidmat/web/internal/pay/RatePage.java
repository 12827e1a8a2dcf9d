package org.khidmat.web.internal.pay;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.FormProblem;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.page.Templates;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Digits;
import org.khidmat.api.platform.RatingResult;
import org.khidmat.api.platform.Ratings;

/**
 * {@code /rate}: the applicant rates a finished application once, by reference and CNIC, 1 to 5 stars and an
 * optional comment; the answers are kept in the form when something is wrong. {@code prefill=1} (from the track
 * page) only fills in the pair.
 */
final class RatePage {
    private final Ratings ratings;

    RatePage(Ratings ratings) {
        this.ratings = ratings;
    }

    void handle(Request request, Response response, Callback callback, String lang) throws IOException, Exchange.TooLarge {
        Messages m = Messages.of(Messages.PAY, lang);
        Map<String, String> form = Exchange.isPost(request) ? Exchange.form(request) : Map.of();
        String reference = Digits.ascii(form.getOrDefault("reference", "")).strip();
        String cnic = Digits.ascii(form.getOrDefault("cnic", "")).strip();
        String stars = form.getOrDefault("stars", "");
        String comment = form.getOrDefault("comment", "");
        if (!Exchange.isPost(request) || "1".equals(form.get("prefill"))) {
            form(request, response, callback, m, new PayViews.Rating(List.of(), "/rate?lang=" + m.lang(), reference, cnic, "", ""));
            return;
        }
        List<FormProblem> problems = new ArrayList<>(CitizenForms.missing(m, reference, cnic));
        int n = stars.matches("[1-5]") ? Integer.parseInt(stars) : 0;
        if (n == 0) {
            problems.add(FormProblem.of(m, "stars", "chooseStars"));
        }
        if (comment.strip().length() > Ratings.COMMENT_LIMIT) {
            problems.add(FormProblem.of(m, "comment", "commentTooLong", Ratings.COMMENT_LIMIT));
        }
        if (problems.isEmpty()) {
            RatingResult r = ratings.rate(reference, cnic, n, comment);
            switch (r.outcome()) {
                case RATED -> {
                    Http.html(response, callback, 200, Layout.page(request, m.lang(), Http.text(m.get("thanks"), m.dir()),
                            Templates.render("pay/thanks.jte", Map.of("m", m))));
                    return;
                }
                case NOT_FOUND -> problems.add(CitizenForms.noMatch(m));
                case NOT_FINISHED -> problems.add(FormProblem.of(m, "reference", "notFinished"));
                case ALREADY_RATED -> problems.add(FormProblem.of(m, "reference", "alreadyRated"));
                // core's own sentence is English; other languages get the word for it
                case INVALID -> problems.add("en".equals(m.lang()) ? new FormProblem("stars", r.message())
                        : FormProblem.of(m, "stars", "chooseStars"));
            }
        }
        form(request, response, callback, m, new PayViews.Rating(problems, "/rate?lang=" + m.lang(), reference, cnic, stars, comment));
    }

    private static void form(Request request, Response response, Callback callback, Messages m, PayViews.Rating view) {
        Http.html(response, callback, 200, Layout.page(request, m.lang(), CitizenForms.title(m, "rate", view.problems()),
                Templates.render("pay/rate.jte", Map.of("m", m, "view", view))));
    }
}
