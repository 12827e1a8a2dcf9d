package org.khidmat.core.internal.applications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.khidmat.api.descriptor.Descriptors;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.Rules;
import org.khidmat.rules.internal.CelRules;

/** The deployer's check of a candidate's rules. */
class RuleCompilationTest {

    @Test
    void rulesThatCompileAreAcceptedAndDescriptorsWithoutRulesNeedNoService() throws Exception {
        ServiceDescriptor withRules = read("/police-rules.json");
        ServiceDescriptor without = read("/police.json");
        assertEquals(List.of(), RuleCompilation.problems(CelRules::new, List.of(withRules, without)));
        AtomicInteger asked = new AtomicInteger();
        assertEquals(List.of(), RuleCompilation.problems(() -> {
            asked.incrementAndGet();
            return null;
        }, List.of(without)));
        assertEquals(0, asked.get(), "no rules, no wait for a rules service");
    }

    @Test
    void withoutARulesServiceABundleWithRulesIsRefusedAfterWaitingForOne() throws Exception {
        ServiceDescriptor withRules = read("/police-rules.json");
        AtomicInteger asked = new AtomicInteger();
        Rules late = new CelRules();
        assertEquals(List.of(), RuleCompilation.problems(() -> asked.incrementAndGet() < 3 ? null : late, List.of(withRules)),
                "a rules service that registers a moment later is used");
        assertEquals(List.of("/police-rules.json: has rules, but this centre runs no rules service (org.khidmat.rules)"),
                RuleCompilation.problems(() -> null, List.of(withRules)));
    }

    @Test
    void aRuleThatDoesNotCompileIsNamed() throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/police-rules.json")) {
            json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        ServiceDescriptor bad = Descriptors.parse(new java.io.ByteArrayInputStream(json.replace(
                "yearsBetween(answers.dateOfBirth, today) >= 18", "yearsBetween(answers.dateOfBirth) >= 18")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), "services/abroad.json");
        List<String> problems = RuleCompilation.problems(CelRules::new, List.of(bad));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("services/abroad.json: rules[0].check: rule 'adult' is not a valid true/false "
                + "expression: "), problems.get(0));
    }

    private ServiceDescriptor read(String resource) throws Exception {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            return Descriptors.parse(in, resource);
        }
    }
}
