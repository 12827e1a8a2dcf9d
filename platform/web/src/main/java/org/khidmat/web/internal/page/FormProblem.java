package org.khidmat.web.internal.page;

import java.util.List;
import org.khidmat.api.Problem;

/**
 * A problem with a citizen's answer, as a template shows it: the field ({@code f-<field>} on the page; {@code null} for
 * the whole form) and the sentence, already in the page's language (from its book of words, or from the platform).
 */
public record FormProblem(String field, String text) {

    /** @return the word {@code key} of the page's book with the values filled in as text (no digit grouping) */
    public static FormProblem of(Messages m, String field, String key, Object... values) {
        Object[] text = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            text[i] = String.valueOf(values[i]);
        }
        return new FormProblem(field, m.get(key, text));
    }

    /** @return a problem the platform worded in English and Urdu, in the page's language (English but in Urdu) */
    public static FormProblem of(Problem p, String lang) {
        return new FormProblem(p.field(), "ur".equals(lang) ? p.ur() : p.en());
    }

    /** @return the first problem at the field, or {@code null} */
    public static FormProblem at(List<FormProblem> problems, String field) {
        return problems.stream().filter(p -> field.equals(p.field())).findFirst().orElse(null);
    }
}
