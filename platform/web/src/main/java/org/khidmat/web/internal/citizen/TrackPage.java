package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.CentreTime;
import org.khidmat.web.internal.page.FormHtml;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.Words;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.khidmat.api.Problem;
import org.khidmat.api.descriptor.State;
import org.khidmat.api.descriptor.Workflow;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Digits;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.platform.TrackedApplication;

/**
 * {@code /track}: reference and CNIC in a POSTed form (never the URL) show the status and history, then the
 * applicant's {@link TrackSections} (payment, rating). A wrong pair gets the same answer as an unknown reference.
 */
final class TrackPage {
    private final Applications applications;
    private final TrackSections sections;

    TrackPage(Applications applications, TrackSections sections) {
        this.applications = applications;
        this.sections = sections;
    }

    String render(Request request, String lang) throws IOException, Exchange.TooLarge {
        Map<String, String> form = Exchange.isPost(request) ? Exchange.form(request) : Map.of();
        String reference = Digits.ascii(form.getOrDefault("reference", "")).strip();
        String cnic = Digits.ascii(form.getOrDefault("cnic", "")).strip();
        List<Problem> problems = new ArrayList<>();
        Optional<TrackedApplication> found = Optional.empty();
        if (Exchange.isPost(request)) {
            if (reference.isEmpty()) {
                problems.add(Problem.of("reference", "Enter your reference number", "اپنا حوالہ نمبر درج کریں"));
            }
            if (cnic.isEmpty()) {
                problems.add(Problem.of("cnic", "Enter the CNIC number of the applicant", "درخواست گزار کا شناختی کارڈ نمبر درج کریں"));
            }
            if (problems.isEmpty()) {
                found = applications.track(reference, cnic);
                if (found.isEmpty()) {
                    problems.add(Problem.of("reference", "No application matches that reference number and CNIC. Check both and try again.",
                            "اس حوالہ نمبر اور شناختی کارڈ سے کوئی درخواست نہیں ملی۔ دونوں جانچ کر دوبارہ کوشش کریں۔"));
                }
            }
        }
        // the heading first, then what was found, then the form to look up another
        StringBuilder b = new StringBuilder(FormHtml.summary(problems, lang)).append("<h1>").append(Words.get("track", lang))
                .append("</h1>");
        if (found.isPresent()) {
            b.append(result(found.get(), lang)).append(sections.html(found.get(), cnic, lang)).append("<h2>")
                    .append(Words.get("trackAnother", lang)).append("</h2>");
        }
        b.append("<form method=\"post\" action=\"/track\" novalidate>");
        b.append(FormHtml.input("reference", Words.get("reference", lang), Words.get("refHint", lang), reference, problems, lang));
        b.append(FormHtml.input("cnic", Words.get("cnic", lang), Words.get("cnicHint", lang), cnic, problems, lang));
        b.append("<button type=\"submit\" id=\"track\">").append(Words.get("track", lang)).append("</button></form>");
        return Layout.page(request, lang, Words.get("track", lang), b.toString());
    }

    static String result(TrackedApplication t, String lang) {
        Workflow w = t.descriptor().workflow();
        StringBuilder b = new StringBuilder("<section aria-labelledby=\"result-title\" id=\"result\"><h2 id=\"result-title\">")
                .append(Http.text(t.descriptor().title().in(lang), lang)).append(" <span dir=\"ltr\">")
                .append(Http.escape(t.application().reference())).append("</span></h2><p>").append(Words.get("status", lang))
                .append(": <strong id=\"status\">").append(label(w, t.application().status(), lang)).append("</strong></p>")
                .append("<table id=\"history\"><caption>").append(Words.get("history", lang)).append("</caption><thead><tr>")
                .append("<th scope=\"col\">").append(Words.get("when", lang)).append("</th><th scope=\"col\">")
                .append(Words.get("status", lang)).append("</th><th scope=\"col\">").append(Words.get("note", lang))
                .append("</th></tr></thead><tbody>");
        for (StatusChange c : t.history()) {
            b.append("<tr><td dir=\"ltr\">").append(CentreTime.citizenWhen().format(c.at())).append("</td><td>").append(label(w, c.to(), lang))
                    .append("</td><td>").append(Http.escape(c.note() == null ? "" : c.note())).append("</td></tr>");
        }
        return b.append("</tbody></table></section>").toString();
    }

    static String label(Workflow w, String state, String lang) {
        return Http.text(w.state(state).map(State::label).map(l -> l.in(lang)).orElse(state), lang);
    }
}
