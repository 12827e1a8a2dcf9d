package org.khidmat.core.internal.applications;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.khidmat.api.Problem;
import org.khidmat.api.ServiceHandler;
import org.khidmat.api.Submission;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service handler's checks on each page of the form: the handler is asked with the good answers given so far (no
 * speed yet), and of what it finds, the problems at a question of this page are shown on it; the rest wait for the
 * pages that ask them, and the submission asks the handler again with everything. A handler that fails on a partial
 * form (it read an answer not given yet) says nothing on the page: the submission still checks.
 */
final class HandlerStep {
    private static final Logger LOG = LoggerFactory.getLogger(HandlerStep.class);

    private HandlerStep() {
    }

    /**
     * @param h the service's handler for the bundle version filed against, or {@code null} when none is registered
     * @return the handler's problems with the whole form; an empty Optional when the descriptor declares a handler and
     *     none is registered, or the handler failed (the submission is refused as unavailable, not accepted unchecked)
     */
    static Optional<List<Problem>> atSubmission(ServiceHandler h, ServiceDescriptor d, String tier,
            Map<String, String> answers, LocalDate today) {
        if (h == null) {
            if (d.handler()) {
                LOG.warn("applications: {} declares a handler but none is registered; refusing submissions", d.id());
                return Optional.empty();
            }
            return Optional.of(List.of());
        }
        try {
            List<Problem> found = h.check(Submission.of(d.id(), tier, answers, today));
            return Optional.of(found == null ? List.of() : found);
        } catch (RuntimeException e) {
            LOG.warn("applications: the handler of {} failed: {}", d.id(), e.toString());
            return Optional.empty();
        }
    }

    static List<Problem> atPage(ServiceHandler h, ServiceDescriptor d, Map<String, String> answers, int page, LocalDate today) {
        Map<String, String> stored = new LinkedHashMap<>();
        for (Field f : d.form()) {
            String a = answers.getOrDefault(f.name(), "").strip();
            if (f.page() <= page && !a.isEmpty() && FieldRules.check(f, a) == null) {
                stored.put(f.name(), FieldRules.stored(f, a));
            }
        }
        List<Problem> found;
        try {
            found = h.check(Submission.of(d.id(), null, stored, today));
        } catch (RuntimeException e) {
            LOG.debug("applications: the handler of {} could not check page {} alone: {}", d.id(), page, e.toString());
            return List.of();
        }
        if (found == null) {
            return List.of();
        }
        return found.stream().filter(p -> p.field() != null && d.field(p.field()).map(f -> f.page() == page).orElse(false))
                .toList();
    }
}
