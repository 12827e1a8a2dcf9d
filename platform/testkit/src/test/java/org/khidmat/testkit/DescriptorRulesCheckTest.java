package org.khidmat.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.Problem;

/** Rules in descriptors: compiled as the deployer does when the bundle is checked, evaluated as at submission. */
class DescriptorRulesCheckTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final String ADULT = """
            , "rules": [{"id": "adult", "check": "yearsBetween(answers.dateOfBirth, today) >= 18", "fields": ["dateOfBirth"],
                         "message": {"en": "You must be 18 or over", "ur": "عمر 18 سال یا زائد ہونی چاہیے"}},
                        {"id": "urgent", "when": "tier == 'urgent'", "check": "answers.cnic != '6110100000000'", "fields": ["cnic"],
                         "message": {"en": "Not urgent for this card", "ur": "اس کارڈ کے لیے ارجنٹ نہیں"}}]""";

    @TempDir
    Path temp;

    @Test
    void rulesAreEvaluatedAsTheCentreDoes() {
        Path bundle = Bundles.bundle().descriptor("permit", Bundles.descriptor("acme.permit", "acme", ADULT)).folder(temp);
        DescriptorRulesCheck rules = DescriptorRulesCheck.of(bundle, "acme.permit");
        rules.assertAccepts("normal", Map.of("cnic", "61101-0000000-0", "dateOfBirth", "2008-12-02"), TODAY);
        List<Problem> found = rules.assertRefuses("dateOfBirth", "normal", Map.of("dateOfBirth", "2008-12-03"), TODAY);
        assertEquals(List.of(Problem.of("dateOfBirth", "You must be 18 or over", "عمر 18 سال یا زائد ہونی چاہیے")), found);
        rules.assertRefuses("cnic", "urgent", Map.of("cnic", "61101-0000000-0", "dateOfBirth", "2000-01-01"), TODAY);
        AssertionError notAField = assertThrows(AssertionError.class,
                () -> rules.check("normal", Map.of("dateOfBirht", "2000-01-01"), TODAY));
        assertEquals("answer dateOfBirht is not a field of acme.permit's form", notAField.getMessage());
    }

    @Test
    void aRuleThatDoesNotCompileMakesTheBundleInvalidInTheDeployersWords() {
        Path bundle = Bundles.bundle().descriptor("permit", Bundles.descriptor("acme.permit", "acme",
                ADULT.replace("yearsBetween(answers.dateOfBirth, today) >= 18", "age(answers.dateOfBirth) >= 18"))).folder(temp);
        AssertionError e = assertThrows(AssertionError.class, () -> AgencyBundleCheck.of(bundle).assertValid());
        assertTrue(e.getMessage().startsWith("bundle org.acme.permits 1.2.0 has invalid service descriptors: services/permit.json: "
                + "rules[0].check: rule 'adult' is not a valid true/false expression: at column 4: undeclared reference to 'age'"),
                e.getMessage());
    }
}
