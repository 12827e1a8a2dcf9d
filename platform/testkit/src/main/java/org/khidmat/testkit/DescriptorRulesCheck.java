package org.khidmat.testkit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.khidmat.api.Problem;
import org.khidmat.api.Submission;
import org.khidmat.api.descriptor.FeeTier;
import org.khidmat.api.descriptor.FieldType;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.Rules;
import org.khidmat.rules.internal.CelRules;

/**
 * Evaluates a descriptor's {@code rules} with the centre's own rules service, as the centre does at submission:
 * the answers as the citizen types them (a CNIC with or without dashes), the tier, and a date for today.
 *
 * <pre>{@code
 * DescriptorRulesCheck rules = DescriptorRulesCheck.of(Path.of("target/classes"), "nadra.cnic-renewal");
 * rules.assertAccepts("normal", Map.of("dateOfBirth", "2008-11-21", "cardExpiry", "2026-12-31"), TODAY);
 * rules.assertRefuses("dateOfBirth", "normal", Map.of("dateOfBirth", "2008-11-22", "cardExpiry", "2026-12-31"), TODAY);
 * }</pre>
 */
public final class DescriptorRulesCheck {
    static final Rules RULES = new CelRules();
    private final ServiceDescriptor descriptor;

    private DescriptorRulesCheck(ServiceDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /**
     * @param bundle the bundle jar or build folder, which must pass {@link AgencyBundleCheck#assertValid()} (that
     *        includes compiling every rule, as the deployer does)
     * @param serviceId the service whose rules to evaluate
     * @return the check
     * @throws AssertionError when the bundle is not valid, or the service has no rules
     */
    public static DescriptorRulesCheck of(Path bundle, String serviceId) {
        AgencyBundleCheck check = AgencyBundleCheck.of(bundle).assertValid();
        ServiceDescriptor d = check.descriptor(serviceId).orElseThrow(() -> new AssertionError(
                check.label() + " declares no service " + serviceId + " (ids: " + check.serviceIds() + ")"));
        if (d.rules().isEmpty()) {
            throw new AssertionError(d.source() + " has no \"rules\"");
        }
        return new DescriptorRulesCheck(d);
    }

    /**
     * @param tier a fee tier id of the descriptor, or {@code null} when it has a single tier
     * @param answers answers by field name, as typed; each name must be a field of the form
     * @param today the centre's date
     * @return the problems the rules find, in rule order
     * @throws AssertionError when the submission could not come from the centre
     */
    public List<Problem> check(String tier, Map<String, String> answers, LocalDate today) {
        List<String> wrong = new ArrayList<>();
        if (tier == null ? descriptor.fees().size() > 1 : descriptor.fee(tier).isEmpty()) {
            wrong.add("tier " + tier + " is not one the centre would pass; " + descriptor.id() + " has tiers "
                    + descriptor.fees().stream().map(FeeTier::id).collect(Collectors.joining(", ")));
        }
        Map<String, String> stored = new LinkedHashMap<>();
        answers.forEach((name, value) -> descriptor.field(name).ifPresentOrElse(
                f -> stored.put(name, f.type() == FieldType.CNIC ? value.strip().replace("-", "") : value.strip()),
                () -> wrong.add("answer " + name + " is not a field of " + descriptor.id() + "'s form")));
        if (!wrong.isEmpty()) {
            throw new AssertionError(String.join("; ", wrong));
        }
        String chosen = tier == null ? descriptor.fees().get(0).id() : tier;
        return RULES.check(descriptor, descriptor.rules(), Submission.of(descriptor.id(), chosen, stored, today));
    }

    /** Fails unless every rule holds. */
    public void assertAccepts(String tier, Map<String, String> answers, LocalDate today) {
        List<Problem> problems = check(tier, answers, today);
        if (!problems.isEmpty()) {
            throw new AssertionError(descriptor.id() + " should accept " + answers + " but says: " + problems);
        }
    }

    /**
     * Fails unless a rule finds a problem with {@code field} (or with the whole submission, for {@code null}).
     *
     * @return the problems, to check their wording
     */
    public List<Problem> assertRefuses(String field, String tier, Map<String, String> answers, LocalDate today) {
        List<Problem> problems = check(tier, answers, today);
        if (problems.stream().noneMatch(p -> Objects.equals(field, p.field()))) {
            throw new AssertionError(descriptor.id() + " should refuse " + answers + " at field " + field + " but says: "
                    + problems);
        }
        return problems;
    }

    /** @return the descriptor whose rules are checked */
    public ServiceDescriptor descriptor() {
        return descriptor;
    }
}
