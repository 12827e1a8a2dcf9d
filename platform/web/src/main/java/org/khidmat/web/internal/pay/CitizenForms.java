package org.khidmat.web.internal.pay;

import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.FormHtml;
import org.khidmat.web.internal.page.Words;

import java.util.ArrayList;
import java.util.List;
import org.khidmat.api.Problem;

/**
 * The parts the citizen's after-applying pages share: the reference and CNIC questions (always in a POSTed form,
 * never in a URL), the problems when one is missing, and one-button forms that carry the pair on to the next page.
 */
public final class CitizenForms {
    private CitizenForms() {
    }

    /** @return the reference and CNIC questions, with their messages */
    static String lookup(String reference, String cnic, List<Problem> problems, String lang) {
        return FormHtml.input("reference", Words.get("reference", lang), Words.get("refHint", lang), reference, problems, lang)
                + FormHtml.input("cnic", Words.get("cnic", lang), Words.get("cnicHint", lang), cnic, problems, lang);
    }

    /** @return a problem for each of the pair that is missing */
    static List<Problem> missing(String reference, String cnic) {
        List<Problem> problems = new ArrayList<>();
        if (reference.isEmpty()) {
            problems.add(Problem.of("reference", "Enter your reference number", "اپنا حوالہ نمبر درج کریں"));
        }
        if (cnic.isEmpty()) {
            problems.add(Problem.of("cnic", "Enter the CNIC number of the applicant", "درخواست گزار کا شناختی کارڈ نمبر درج کریں"));
        }
        return problems;
    }

    static Problem noMatch() {
        return Problem.of("reference", "No application matches that reference number and CNIC. Check both and try again.",
                "اس حوالہ نمبر اور شناختی کارڈ سے کوئی درخواست نہیں ملی۔ دونوں جانچ کر دوبارہ کوشش کریں۔");
    }

    public static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + Http.escape(name) + "\" value=\"" + Http.escape(value) + "\">";
    }

    /** @return the reference and CNIC as hidden fields, for the next step of the same journey */
    static String carry(String reference, String cnic) {
        return hidden("reference", reference) + hidden("cnic", cnic);
    }

    /** @return where a form of a page in {@code lang} posts to: the path, keeping the page's language */
    static String action(String path, String lang) {
        return path + "?lang=" + ("ur".equals(lang) ? "ur" : "en");
    }

    /** @return a form of one button that posts the pair (and {@code extra} hidden fields, HTML) to {@code path} */
    public static String button(String path, String lang, String reference, String cnic, String extra, String id, String label) {
        return "<form method=\"post\" action=\"" + Http.escape(action(path, lang)) + "\">" + carry(reference, cnic) + extra
                + "<button type=\"submit\" id=\"" + id + "\">" + label + "</button></form>";
    }

    /** @return the row of a description list */
    static String row(String id, String label, String value) {
        return "<div class=\"row\"><dt>" + label + "</dt><dd id=\"" + id + "\">" + value + "</dd></div>";
    }

    /** @return text that reads left to right inside an Urdu page: numbers, references, receipt numbers */
    public static String ltr(String escaped) {
        return "<span dir=\"ltr\">" + escaped + "</span>";
    }
}
