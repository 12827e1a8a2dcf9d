package org.khidmat.core.internal.applications;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.khidmat.api.Problem;
import org.khidmat.api.Submission;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.Rule;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.Rules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The descriptor's rules (expressions) as a step of the desk's validation: at submission all of them, and on each
 * page of the form those whose message belongs on that page (their first field is on it) and whose other fields
 * were asked on it or before. A rule whose message belongs on an earlier page than its last field waits for the
 * submission, whose page of problems links to each field's page. They run after the field rules and before any
 * handler, through the rules service.
 */
final class RuleStep {
    private static final Logger LOG = LoggerFactory.getLogger(RuleStep.class);

    private RuleStep() {
    }

    /** @return the rules' problems; empty Optional when the descriptor has rules but no rules service is running */
    static Optional<List<Problem>> atSubmission(Rules rules, ServiceDescriptor d, String tier, Map<String, String> stored,
            LocalDate today) {
        if (d.rules().isEmpty()) {
            return Optional.of(List.of());
        }
        if (rules == null) {
            LOG.warn("applications: {} has rules but no rules service is running; refusing submissions", d.id());
            return Optional.empty();
        }
        return Optional.of(rules.check(d, d.rules(), Submission.of(d.id(), tier, stored, today)));
    }

    /**
     * @param answers the draft's answers so far, as typed
     * @return the problems of the rules that can be checked once this page is answered; without a rules service,
     *         none (the submission says the service is unavailable)
     */
    static List<Problem> atPage(Rules rules, ServiceDescriptor d, Map<String, String> answers, int page, LocalDate today) {
        if (rules == null || d.rules().isEmpty()) {
            return List.of();
        }
        Map<String, String> stored = new LinkedHashMap<>();
        for (Field f : d.form()) {
            String a = answers.getOrDefault(f.name(), "").strip();
            if (f.page() <= page && !a.isEmpty() && FieldRules.check(f, a) == null) {
                stored.put(f.name(), FieldRules.stored(f, a));
            }
        }
        List<Rule> due = d.rules().stream().filter(r -> dueAt(d, r, page, stored)).toList();
        return due.isEmpty() ? List.of() : rules.check(d, due, Submission.of(d.id(), null, stored, today));
    }

    /**
     * A rule is due on a page when its first field (which carries the message) is on it, every other field was asked
     * on it or before, and every required one holds a good answer.
     */
    private static boolean dueAt(ServiceDescriptor d, Rule r, int page, Map<String, String> stored) {
        if (r.fields().isEmpty() || d.field(r.field()).map(f -> f.page() != page).orElse(true)) {
            return false;
        }
        for (String name : r.fields()) {
            Field f = d.field(name).orElse(null);
            if (f == null || f.page() > page || f.required() && !stored.containsKey(name)) {
                return false;
            }
        }
        return true;
    }
}
