package org.khidmat.api.descriptor;

import java.util.List;

/**
 * One question of a service's form.
 *
 * @param name the field name, unique within the form ({@code [a-z][a-zA-Z0-9_]*})
 * @param type the kind of answer
 * @param label the question
 * @param hint help under the question, or {@code null}
 * @param required whether an answer is needed
 * @param options the choices of a select field; empty for other types
 * @param minLength shortest answer for text fields, or 0
 * @param maxLength longest answer for text fields
 * @param pattern a regular expression the whole answer must match, or {@code null}
 * @param page the page of the form the question is asked on (1 for the first)
 */
public record Field(String name, FieldType type, Text label, Text hint, boolean required, List<Option> options,
        int minLength, int maxLength, String pattern, int page) {
}
