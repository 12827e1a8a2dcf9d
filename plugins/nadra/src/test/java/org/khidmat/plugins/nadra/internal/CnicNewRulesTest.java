package org.khidmat.plugins.nadra.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.api.Problem;
import org.khidmat.testkit.DescriptorRulesCheck;

class CnicNewRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private final DescriptorRulesCheck rules = DescriptorRulesCheck.of(Path.of("target/classes"), "nadra.cnic-new");

    private static Map<String, String> answers(String born, String formB, String parent) {
        return Map.of("dateOfBirth", born, "formB", formB, "parentCnic", parent);
    }

    @Test
    void anAdultWithAParentsCnicMayApply() {
        rules.assertAccepts("normal", answers("2000-03-01", "61101-1111111-1", "61101-2222222-2"), TODAY);
    }

    @Test
    void theEighteenthBirthdayIsOldEnough() {
        rules.assertAccepts("urgent", answers("2008-11-21", "6110111111111", "6110122222222"), TODAY);
    }

    @Test
    void oneDayShortOfEighteenIsToldToUseTheBForm() {
        List<Problem> problems = rules.assertRefuses("dateOfBirth", "normal", answers("2008-11-22", "6110111111111", "6110122222222"), TODAY);
        assertEquals("You can get a CNIC from your 18th birthday; until then your B-form is your identity document",
                problems.get(0).en());
    }

    @Test
    void theParentsCnicCannotBeTheApplicantsOwnNumberWhateverTheDashes() {
        rules.assertRefuses("parentCnic", "executive", answers("2000-03-01", "61101-1111111-1", "6110111111111"), TODAY);
    }
}
