package org.khidmat.testkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.khidmat.api.Problem;
import org.khidmat.api.ServiceHandler;
import org.khidmat.api.Submission;
import org.khidmat.api.descriptor.FeeTier;
import org.khidmat.api.descriptor.ServiceDescriptor;

/**
 * Runs a {@link ServiceHandler} the way the centre calls it, and checks that it keeps the contract: the
 * descriptor says {@code "handler": true}, the submission uses the descriptor's own tiers and field names,
 * the handler never answers {@code null}, and every problem names a field of the form (or none) and says
 * it in Urdu as well as English.
 *
 * <pre>{@code
 * ServiceHandlerCheck rules = ServiceHandlerCheck.of(Path.of("target/classes"), "nadra.cnic-new", new CnicNewRules());
 * rules.assertAccepts("normal", Map.of("dateOfBirth", "1990-01-01"), TODAY);
 * rules.assertRefuses("dateOfBirth", "normal", Map.of("dateOfBirth", "2015-01-01"), TODAY);
 * }</pre>
 */
public final class ServiceHandlerCheck {
    private final ServiceDescriptor descriptor;
    private final ServiceHandler handler;

    private ServiceHandlerCheck(ServiceDescriptor descriptor, ServiceHandler handler) {
        this.descriptor = descriptor;
        this.handler = handler;
    }

    /**
     * @param bundle the bundle jar or build folder, which must pass {@link AgencyBundleCheck#assertValid()}
     * @param serviceId the service the handler serves
     * @param handler the handler, created as a unit test creates it ({@code new})
     * @return the check
     * @throws AssertionError when the bundle is not valid or the descriptor does not expect a handler
     */
    public static ServiceHandlerCheck of(java.nio.file.Path bundle, String serviceId, ServiceHandler handler) {
        AgencyBundleCheck check = AgencyBundleCheck.of(bundle).assertValid();
        ServiceDescriptor d = check.descriptor(serviceId).orElseThrow(() -> new AssertionError(
                check.label() + " declares no service " + serviceId + " (ids: " + check.serviceIds() + ")"));
        return of(d, handler);
    }

    /**
     * @param descriptor a descriptor read with {@code Descriptors.parse}
     * @param handler the handler
     * @return the check
     * @throws AssertionError when the descriptor does not say {@code "handler": true}
     */
    public static ServiceHandlerCheck of(ServiceDescriptor descriptor, ServiceHandler handler) {
        if (!descriptor.handler()) {
            throw new AssertionError(descriptor.source() + " lacks \"handler\": true, so the centre never calls a handler for "
                    + descriptor.id());
        }
        return new ServiceHandlerCheck(descriptor, handler);
    }

    /**
     * Calls the handler with a submission and checks the contract on the way in and out.
     *
     * @param tier a fee tier id of the descriptor, or {@code null} when it has a single tier
     * @param answers answers by field name; each name must be a field of the form
     * @param today the centre's date
     * @return the handler's problems
     * @throws AssertionError when the submission could not come from the centre or the answer breaks the contract
     */
    public List<Problem> check(String tier, Map<String, String> answers, LocalDate today) {
        List<String> wrong = new ArrayList<>();
        if (tier == null ? descriptor.fees().size() > 1 : descriptor.fee(tier).isEmpty()) {
            wrong.add("tier " + tier + " is not one the centre would pass; " + descriptor.id() + " has tiers "
                    + descriptor.fees().stream().map(FeeTier::id).collect(Collectors.joining(", ")));
        }
        for (String name : answers.keySet()) {
            if (descriptor.field(name).isEmpty()) {
                wrong.add("answer " + name + " is not a field of " + descriptor.id() + "'s form");
            }
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError(String.join("; ", wrong));
        }
        List<Problem> problems = handler.check(Submission.of(descriptor.id(), tier, answers, today));
        if (problems == null) {
            throw new AssertionError(handler.getClass().getName() + " answered null; return List.of() when all is well");
        }
        for (Problem p : problems) {
            if (p.field() != null && descriptor.field(p.field()).isEmpty()) {
                wrong.add("problem '" + p + "' names field " + p.field() + ", which " + descriptor.id()
                        + "'s form does not have; use a field name or null");
            }
            if (p.ur().equals(p.en())) {
                wrong.add("problem '" + p + "' has no Urdu text; citizens reading Urdu would see English");
            }
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError(String.join("; ", wrong));
        }
        return problems;
    }

    /** Fails unless the handler finds no problem. */
    public void assertAccepts(String tier, Map<String, String> answers, LocalDate today) {
        List<Problem> problems = check(tier, answers, today);
        if (!problems.isEmpty()) {
            throw new AssertionError(descriptor.id() + " should accept " + answers + " but says: " + problems);
        }
    }

    /**
     * Fails unless the handler finds a problem with {@code field} (or with the whole submission, for {@code null}).
     *
     * @return the problems, to check their wording
     */
    public List<Problem> assertRefuses(String field, String tier, Map<String, String> answers, LocalDate today) {
        List<Problem> problems = check(tier, answers, today);
        if (problems.stream().noneMatch(p -> java.util.Objects.equals(field, p.field()))) {
            throw new AssertionError(descriptor.id() + " should refuse " + answers + " at field " + field + " but says: "
                    + problems);
        }
        return problems;
    }

    /** @return the descriptor the handler serves */
    public ServiceDescriptor descriptor() {
        return descriptor;
    }
}
