package org.khidmat.core.internal.applications;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.Rules;

/** The deployer's check of a candidate bundle's rules: each must compile in the rules service. */
public final class RuleCompilation {
    private static final int WAIT_STEPS = 50;
    private static final long STEP_MILLIS = 100;

    private RuleCompilation() {
    }

    /**
     * @param rules the rules service as the deployer tracks it, {@code null} while none is registered; at a start
     *        the rules bundle may register it a moment after the deploy folder is read, so this waits up to 5 s
     *        for it when a descriptor has rules
     * @param descriptors the candidate's descriptors
     * @return the problems, in the descriptor problems' form; empty when every rule compiles
     */
    public static List<String> problems(Supplier<Rules> rules, List<ServiceDescriptor> descriptors) {
        List<ServiceDescriptor> withRules = descriptors.stream().filter(d -> !d.rules().isEmpty()).toList();
        if (withRules.isEmpty()) {
            return List.of();
        }
        Rules service = rules.get();
        for (int i = 0; service == null && i < WAIT_STEPS; i++) {
            try {
                Thread.sleep(STEP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            service = rules.get();
        }
        List<String> problems = new ArrayList<>();
        for (ServiceDescriptor d : withRules) {
            if (service == null) {
                problems.add(d.source() + ": has rules, but this centre runs no rules service (org.khidmat.rules)");
            } else {
                problems.addAll(service.compile(d));
            }
        }
        return problems;
    }
}
