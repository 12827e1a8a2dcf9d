package org.khidmat.core.internal.applications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.khidmat.api.Problem;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.core.internal.words.CoreWords;

/**
 * What a submitted form says before the rules and the service's handler are asked: the fee tier chosen (the only one
 * when the service has one), the answers as they are stored (trimmed, in the form's order, empty ones left out, each
 * in its stored form), and the problems of the form itself (no tier or an unknown one, an answer to no question, an
 * answer a question's rules refuse).
 *
 * @param tier the tier chosen, or {@code null} when none was and the service has more than one
 * @param stored the answers to store, by question name
 * @param problems the form's problems; empty when it may go on to the rules
 */
record FormAnswers(String tier, Map<String, String> stored, List<Problem> problems) {

    static FormAnswers of(ServiceDescriptor d, List<Field> questions, String tier, Map<String, String> answers) {
        List<Problem> problems = new ArrayList<>();
        String chosen = tier == null || tier.isBlank() ? null : tier.strip();
        if (chosen == null && d.fees().size() == 1) {
            chosen = d.fees().get(0).id();
        }
        if (chosen == null || d.fee(chosen).isEmpty()) {
            problems.add(chosen == null ? CoreWords.MESSAGES.problem("tier", "application.tier.missing")
                    : CoreWords.MESSAGES.problem("tier", "application.tier.unknown", chosen));
        }
        for (String name : answers.keySet()) {
            if (questions.stream().noneMatch(f -> f.name().equals(name))) {
                problems.add(CoreWords.MESSAGES.problem(null, "application.question.unknown", name));
            }
        }
        problems.addAll(check(questions, answers));
        Map<String, String> stored = new LinkedHashMap<>();
        for (Field f : questions) {
            String a = trimmed(answers, f.name());
            if (!a.isEmpty()) {
                stored.put(f.name(), FieldRules.stored(f, a));
            }
        }
        return new FormAnswers(chosen, stored, List.copyOf(problems));
    }

    /** @return the problems the questions' own rules find in the answers, in the questions' order */
    static List<Problem> check(List<Field> fields, Map<String, String> answers) {
        List<Problem> out = new ArrayList<>();
        for (Field f : fields) {
            Problem p = FieldRules.check(f, trimmed(answers, f.name()));
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private static String trimmed(Map<String, String> answers, String name) {
        String a = answers.get(name);
        return a == null ? "" : a.strip();
    }
}
