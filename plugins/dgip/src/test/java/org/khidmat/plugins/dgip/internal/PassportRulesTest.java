package org.khidmat.plugins.dgip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.api.Problem;
import org.khidmat.testkit.DescriptorRulesCheck;

class PassportRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private final DescriptorRulesCheck rules = DescriptorRulesCheck.of(Path.of("target/classes"), "dgip.passport-new");

    private static Map<String, String> answers(String born, String guardian, String pages, String validity) {
        Map<String, String> a = new HashMap<>(Map.of("cnic", "6110111111111", "dateOfBirth", born, "pages", pages, "validity", validity));
        a.put("guardianCnic", guardian);
        return a;
    }

    @Test
    void anAdultMayTakeTenYearsAndSeventyTwoPages() {
        rules.assertAccepts("urgent", answers("1990-01-01", "", "72", "10"), TODAY);
    }

    @Test
    void aChildWithAGuardianGetsFiveYears() {
        rules.assertAccepts("normal", answers("2015-06-01", "61101-2222222-2", "36", "5"), TODAY);
    }

    @Test
    void onTheEighteenthBirthdayNoGuardianIsNeeded() {
        rules.assertAccepts("fasttrack", answers("2008-11-21", "", "36", "10"), TODAY);
    }

    @Test
    void aChildWithoutAGuardianIsRefused() {
        List<Problem> problems = rules.assertRefuses("guardianCnic", "normal", answers("2008-11-22", "", "36", "5"), TODAY);
        assertEquals("An applicant under 18 needs a father's or guardian's CNIC", problems.get(0).en());
    }

    @Test
    void aChildCannotHaveTenYears() {
        rules.assertRefuses("validity", "normal", answers("2015-06-01", "6110122222222", "36", "10"), TODAY);
    }

    @Test
    void theGuardianIsSomeoneElse() {
        rules.assertRefuses("guardianCnic", "normal", answers("2015-06-01", "61101-1111111-1", "36", "5"), TODAY);
    }

    @Test
    void seventyTwoPagesAreNotOnTheFastTrack() {
        rules.assertRefuses("pages", "fasttrack", answers("1990-01-01", "", "72", "5"), TODAY);
    }
}
