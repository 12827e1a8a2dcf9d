package org.khidmat.web.internal.pay;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.FormHtml;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.PayWords;
import org.khidmat.web.internal.page.Words;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.Problem;
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
        Map<String, String> form = Exchange.isPost(request) ? Exchange.form(request) : Map.of();
        String reference = Digits.ascii(form.getOrDefault("reference", "")).strip();
        String cnic = Digits.ascii(form.getOrDefault("cnic", "")).strip();
        String stars = form.getOrDefault("stars", "");
        String comment = form.getOrDefault("comment", "");
        if (!Exchange.isPost(request) || "1".equals(form.get("prefill"))) {
            form(request, response, callback, lang, reference, cnic, "", "", List.of());
            return;
        }
        List<Problem> problems = new java.util.ArrayList<>(CitizenForms.missing(reference, cnic));
        int n = stars.matches("[1-5]") ? Integer.parseInt(stars) : 0;
        if (n == 0) {
            problems.add(PayWords.BOOK.problem("stars", "chooseStars"));
        }
        if (comment.strip().length() > Ratings.COMMENT_LIMIT) {
            problems.add(PayWords.BOOK.problem("comment", "commentTooLong", Ratings.COMMENT_LIMIT));
        }
        if (problems.isEmpty()) {
            RatingResult r = ratings.rate(reference, cnic, n, comment);
            switch (r.outcome()) {
                case RATED -> {
                    thanks(request, response, callback, lang);
                    return;
                }
                case NOT_FOUND -> problems.add(CitizenForms.noMatch());
                case NOT_FINISHED -> problems.add(PayWords.BOOK.problem("reference", "notFinished"));
                case ALREADY_RATED -> problems.add(PayWords.BOOK.problem("reference", "alreadyRated"));
                case INVALID -> problems.add(Problem.of("stars", r.message(), PayWords.BOOK.raw("chooseStars", "ur")));
            }
        }
        form(request, response, callback, lang, reference, cnic, stars, comment, problems);
    }

    private static void thanks(Request request, Response response, Callback callback, String lang) {
        String body = "<div class=\"panel\"><h1 id=\"thanks\">" + PayWords.get("thanks", lang) + "</h1></div><p>"
                + PayWords.get("thanksText", lang) + "</p><p><a href=\"/figures\">" + PayWords.get("figuresLink", lang)
                + "</a></p><p><a href=\"/\">" + Words.get("back", lang) + "</a></p>";
        Http.html(response, callback, 200, Layout.page(request, lang, PayWords.get("thanks", lang), body));
    }

    private static void form(Request request, Response response, Callback callback, String lang, String reference,
            String cnic, String stars, String comment, List<Problem> problems) {
        Problem starsProblem = FormHtml.problemFor(problems, "stars");
        Problem commentProblem = FormHtml.problemFor(problems, "comment");
        StringBuilder b = new StringBuilder(FormHtml.summary(problems, lang)).append("<h1>").append(PayWords.get("rate", lang))
                .append("</h1><p>").append(PayWords.get("rateFormIntro", lang)).append("</p><form method=\"post\" action=\"")
                .append(CitizenForms.action("/rate", lang)).append("\" novalidate>").append(CitizenForms.lookup(reference, cnic, problems, lang))
                .append("<div class=\"field").append(starsProblem == null ? "" : " field-error").append("\"><fieldset")
                .append(starsProblem == null ? "" : " aria-describedby=\"stars-error\"").append("><legend>")
                .append(PayWords.get("stars", lang)).append("</legend>").append(message("stars", starsProblem, lang));
        for (int i = 1; i <= 5; i++) {
            String id = i == 1 ? "f-stars" : "f-stars-" + i;
            b.append("<div class=\"choice\"><input type=\"radio\" name=\"stars\" id=\"").append(id).append("\" value=\"").append(i)
                    .append('"').append(String.valueOf(i).equals(stars) ? " checked" : "").append("> <label for=\"").append(id)
                    .append("\">").append(PayWords.get("star" + i, lang)).append("</label></div>");
        }
        b.append("</fieldset></div><div class=\"field").append(commentProblem == null ? "" : " field-error")
                .append("\"><label for=\"f-comment\">").append(PayWords.get("comment", lang)).append("</label>")
                .append("<span class=\"hint\" id=\"comment-hint\">").append(PayWords.get("commentHint", lang, Ratings.COMMENT_LIMIT))
                .append("</span>").append(message("comment", commentProblem, lang))
                .append("<textarea id=\"f-comment\" name=\"comment\" rows=\"4\" aria-describedby=\"comment-hint")
                .append(commentProblem == null ? "\"" : " comment-error\" aria-invalid=\"true\"").append('>')
                .append(Http.escape(comment)).append("</textarea></div><button type=\"submit\" id=\"send-rating\">")
                .append(PayWords.get("sendRating", lang)).append("</button></form>");
        Http.html(response, callback, 200, Layout.page(request, lang, (problems.isEmpty() ? "" : Words.get("error", lang) + ": ")
                + PayWords.get("rate", lang), b.toString()));
    }

    private static String message(String field, Problem p, String lang) {
        return p == null ? "" : "<span class=\"message\" id=\"" + field + "-error\">" + Words.get("error", lang) + ": "
                + Http.text("ur".equals(lang) ? p.ur() : p.en(), lang) + "</span>";
    }
}
