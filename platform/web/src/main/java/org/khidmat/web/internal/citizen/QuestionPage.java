package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.FormHtml;
import org.khidmat.web.internal.page.Words;

import java.util.List;
import java.util.Map;
import org.khidmat.api.Problem;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.ServiceDescriptor;

/**
 * One page of a service's form as HTML: a Back link, the problems (focused, so a screen reader reads them first),
 * the service's name as a caption, and the question as the page's heading; a page of several questions is headed
 * by what it asks ("Full name and CNIC number").
 */
final class QuestionPage {
    private QuestionPage() {
    }

    static String render(ServiceDescriptor d, List<Field> fields, Map<String, String> answers, List<Problem> problems,
            List<Integer> pages, int n, String back, String lang) {
        StringBuilder b = new StringBuilder(backLink(back, lang)).append(FormHtml.summary(problems, lang));
        b.append("<p class=\"meta\">").append(Http.text(d.title().in(lang), lang)).append(" &middot; ")
                .append(Words.get("pageOf", lang, pages.indexOf(n) + 1, pages.size())).append("</p>\n");
        boolean one = fields.size() == 1;
        if (!one) {
            b.append("<h1>").append(Http.text(heading(fields, lang), lang)).append("</h1>\n");
        }
        b.append("<form method=\"post\" novalidate>");
        for (Field f : fields) {
            b.append(FormHtml.question(f, answers.get(f.name()), FormHtml.problemFor(problems, f.name()), lang, one));
        }
        return b.append("<button type=\"submit\" id=\"continue\">").append(Words.get("continue", lang)).append("</button></form>")
                .toString();
    }

    /** @return the page's title: its one question, or what its questions ask, joined as a sentence */
    static String heading(List<Field> fields, String lang) {
        StringBuilder s = new StringBuilder();
        boolean ur = "ur".equals(lang);
        for (int i = 0; i < fields.size(); i++) {
            String label = fields.get(i).label().in(lang);
            if (i > 0) {
                s.append(i == fields.size() - 1 ? (ur ? " اور " : " and ") : (ur ? "، " : ", "));
                label = ur ? label : lower(label);
            }
            s.append(label);
        }
        return s.toString();
    }

    /** @return a Back link to the step before, as GOV.UK's question pages have */
    static String backLink(String href, String lang) {
        return "<a href=\"" + Http.escape(href) + "\" class=\"back\" id=\"back\">" + Words.get("backStep", lang) + "</a>\n";
    }

    private static String lower(String label) {
        boolean word = label.length() > 1 && Character.isLowerCase(label.charAt(1));
        return word ? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
    }
}
