package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.page.Languages;
import org.khidmat.web.internal.page.Messages;

import java.util.List;
import java.util.Map;
import org.khidmat.api.Problem;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.ServiceDescriptor;

/**
 * One page of a service's form ({@code citizen/question.jte}): a Back link, the problems (focused, so a screen reader
 * reads them first), the service's name as a caption, and the question as the page's heading; a page of several
 * questions is headed by what it asks ("Full name and CNIC number").
 *
 * @param at the page's place in the form, from 1
 * @param of how many pages the form has
 * @param back the step before, for the Back link
 */
record QuestionPage(ServiceDescriptor d, List<Field> fields, Map<String, String> answers, List<Problem> problems, int at, int of,
        String back) {

    /** @return the page's title: its one question, or what its questions ask, joined as a sentence */
    static String heading(List<Field> fields, String lang) {
        Messages m = Messages.of(Messages.CITIZEN, lang);
        // a label joined into a sentence starts in lower case in a left-to-right language (no case in Urdu's script)
        boolean keep = "rtl".equals(Languages.dir(lang));
        String s = "";
        for (int i = 0; i < fields.size(); i++) {
            String label = fields.get(i).label().in(lang);
            s = i == 0 ? label : m.get(i == fields.size() - 1 ? "joinLast" : "joinNext", s, keep ? label : lower(label));
        }
        return s;
    }

    private static String lower(String label) {
        boolean word = label.length() > 1 && Character.isLowerCase(label.charAt(1));
        return word ? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
    }
}
