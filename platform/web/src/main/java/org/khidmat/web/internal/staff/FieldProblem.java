package org.khidmat.web.internal.staff;

import org.khidmat.api.Problem;

/** A problem with a staff form, at its field ({@code null}: the whole form), in the page's language. */
record FieldProblem(String field, String text) {
    /** @return a platform problem in the page's language (English where the platform has no words of the language) */
    static FieldProblem of(Problem p, String lang) {
        return new FieldProblem(p.field(), "ur".equals(lang) ? p.ur() : p.en());
    }
}
