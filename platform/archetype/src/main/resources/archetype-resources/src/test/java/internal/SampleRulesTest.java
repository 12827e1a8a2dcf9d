package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.api.Problem;
import org.khidmat.testkit.AgencyBundleCheck;
import org.khidmat.testkit.DescriptorRulesCheck;

/** The sample service's rules, which live in its descriptor: each with a valid case, the boundary and a refusal. */
class SampleRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private final DescriptorRulesCheck rules =
            DescriptorRulesCheck.of(Path.of("target/classes"), "${agencyCode}.sample-certificate");

    @Test
    void theCentreWouldAcceptThisBundle() {
        AgencyBundleCheck.of(Path.of("target/classes")).assertValid();
    }

    @Test
    void anAdultMayApply() {
        rules.assertAccepts("normal", Map.of("dateOfBirth", "1990-01-01", "mobile", "051 1234567"), TODAY);
    }

    @Test
    void theEighteenthBirthdayIsOldEnough() {
        rules.assertAccepts("urgent", Map.of("dateOfBirth", "2008-11-21", "mobile", "0300 1234567"), TODAY);
    }

    @Test
    void oneDayShortOfEighteenIsRefused() {
        List<Problem> problems = rules.assertRefuses("dateOfBirth", "normal", Map.of("dateOfBirth", "2008-11-22", "mobile", "0300 1234567"), TODAY);
        assertEquals("You must be 18 or over to apply", problems.get(0).en());
    }

    @Test
    void theUrgentTierNeedsAMobileNumber() {
        rules.assertRefuses("mobile", "urgent", Map.of("dateOfBirth", "1990-01-01", "mobile", "051 1234567"), TODAY);
    }
}
