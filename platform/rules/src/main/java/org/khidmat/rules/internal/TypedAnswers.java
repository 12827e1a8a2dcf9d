package org.khidmat.rules.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.ServiceDescriptor;

/**
 * The answers as rules see them: a date field as a timestamp at midnight UTC, a number field as an int, every other
 * field as its string (a CNIC as its 13 digits); an empty answer is absent, so {@code has(answers.x)} tells.
 */
final class TypedAnswers {
    private TypedAnswers() {
    }

    static Map<String, Object> of(ServiceDescriptor d, Map<String, String> answers) {
        Map<String, Object> out = new HashMap<>();
        for (Field f : d.form()) {
            String a = answers.get(f.name());
            if (a == null || a.isBlank()) {
                continue;
            }
            Object typed = switch (f.type()) {
                case DATE -> date(a.strip());
                case NUMBER -> number(a.strip());
                default -> a;
            };
            if (typed != null) {
                out.put(f.name(), typed);
            }
        }
        return out;
    }

    /** @return the date, or {@code null} (absent) when it is not one: the field rules said so already */
    private static Object date(String a) {
        try {
            return RuleFunctions.at(LocalDate.parse(a));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Object number(String a) {
        try {
            return Long.parseLong(a);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
