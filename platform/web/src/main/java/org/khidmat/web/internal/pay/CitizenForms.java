package org.khidmat.web.internal.pay;

import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.FormProblem;
import org.khidmat.web.internal.page.Messages;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts the citizen's after-applying pages share: the problems when the reference or CNIC is missing (always in a
 * POSTed form, never in a URL), the pages' titles, and (for the citizen's track and confirmation pages, still built as
 * HTML there) one-button forms that carry the pair on to the next page.
 */
public final class CitizenForms {
    private CitizenForms() {
    }

    /** @return a problem for each of the pair that is missing, in the page's words */
    static List<FormProblem> missing(Messages m, String reference, String cnic) {
        List<FormProblem> problems = new ArrayList<>();
        if (reference.isEmpty()) {
            problems.add(FormProblem.of(m, "reference", "enterReference"));
        }
        if (cnic.isEmpty()) {
            problems.add(FormProblem.of(m, "cnic", "enterCnic"));
        }
        return problems;
    }

    static FormProblem noMatch(Messages m) {
        return FormProblem.of(m, "reference", "noMatch");
    }

    /** @return the page's title for the frame, as HTML: the word, after "Error: " when the page shows problems */
    static String title(Messages m, String key, List<FormProblem> problems) {
        return Http.text((problems.isEmpty() ? "" : Messages.of(Messages.CITIZEN, m.lang()).get("error") + ": ") + m.get(key),
                m.dir());
    }

    public static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + Http.escape(name) + "\" value=\"" + Http.escape(value) + "\">";
    }

    /** @return where a form of a page in {@code lang} posts to: the path, keeping the page's language */
    static String action(String path, String lang) {
        return path + "?lang=" + lang;
    }

    /** @return a form of one button that posts the pair (and {@code extra} hidden fields, HTML) to {@code path} */
    public static String button(String path, String lang, String reference, String cnic, String extra, String id, String label) {
        return "<form method=\"post\" action=\"" + Http.escape(action(path, lang)) + "\">" + hidden("reference", reference)
                + hidden("cnic", cnic) + extra + "<button type=\"submit\" id=\"" + id + "\">" + label + "</button></form>";
    }

    /** @return text that reads left to right inside an Urdu page: numbers, references, receipt numbers */
    public static String ltr(String escaped) {
        return "<span dir=\"ltr\">" + escaped + "</span>";
    }
}
