package org.khidmat.core.internal.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Verifies, through SCR's runtime service, that the Declarative Services components a bundle declares came up:
 * a component whose activate method throws, or whose references stay unsatisfied, refuses the bundle with the
 * component's name and SCR's reason, where a started bundle alone would have looked deployed.
 */
final class ComponentCheck {
    private final ServiceComponentRuntime scr;

    ComponentCheck(ServiceComponentRuntime scr) {
        this.scr = scr;
    }

    /** Waits until every enabled component of the bundle is active or satisfied; refuses the first that failed. */
    void await(Bundle bundle, Candidate candidate, Duration limit) throws Refusal {
        if (bundle.getHeaders("").get("Service-Component") == null) {
            return;
        }
        long deadline = System.nanoTime() + limit.toNanos();
        List<String> waiting;
        do {
            Collection<ComponentDescriptionDTO> descriptions = scr.getComponentDescriptionDTOs(bundle);
            waiting = new ArrayList<>();
            if (descriptions.isEmpty()) {
                waiting.add("Declarative Services has not read its components yet");
            }
            for (ComponentDescriptionDTO d : descriptions) {
                if (!scr.isComponentEnabled(d)) {
                    continue;
                }
                Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(d);
                if (configurations.isEmpty()) {
                    waiting.add("component " + d.name + " has no configuration");
                }
                for (ComponentConfigurationDTO c : configurations) {
                    switch (c.state) {
                        case ComponentConfigurationDTO.ACTIVE, ComponentConfigurationDTO.SATISFIED -> { }
                        case ComponentConfigurationDTO.FAILED_ACTIVATION -> throw new Misbehaved("bundle " + candidate.label()
                                + ": its component " + d.name + " failed to activate: " + firstLine(c.failure));
                        case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> waiting.add("component " + d.name
                                + " waits for " + unsatisfied(c.unsatisfiedReferences));
                        default -> waiting.add("component " + d.name + " is not satisfied (state " + c.state + ")");
                    }
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        throw Refusal.of("refusal.componentsLate", candidate.label(), limit.toSeconds(),
                String.join("; ", waiting));
    }

    private static String unsatisfied(UnsatisfiedReferenceDTO[] refs) {
        List<String> out = new ArrayList<>();
        for (UnsatisfiedReferenceDTO r : refs == null ? new UnsatisfiedReferenceDTO[0] : refs) {
            out.add(r.name + (r.target == null ? "" : " " + r.target));
        }
        return out.isEmpty() ? "a reference" : String.join(", ", out);
    }

    /** SCR's failure text is a stack trace: its first line carries the exception and message. */
    static String firstLine(String failure) {
        if (failure == null || failure.isBlank()) {
            return "no reason given";
        }
        String line = failure.strip().lines().findFirst().orElse("");
        line = line.replaceAll("\\p{Cntrl}", " ");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
