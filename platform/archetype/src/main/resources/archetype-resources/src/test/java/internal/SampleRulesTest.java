package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.api.Problem;
import org.khidmat.testkit.AgencyBundleCheck;
import org.khidmat.testkit.ServiceHandlerCheck;

class SampleRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private final ServiceHandlerCheck rules =
            ServiceHandlerCheck.of(Path.of("target/classes"), "${agencyCode}.sample-certificate", new SampleRules());

    @Test
    void theCentreWouldAcceptThisBundle() {
        AgencyBundleCheck.of(Path.of("target/classes")).assertValid();
    }

    @Test
    void anAdultMayApply() {
        rules.assertAccepts("normal", Map.of("dateOfBirth", "1990-01-01"), TODAY);
    }

    @Test
    void theEighteenthBirthdayIsOldEnough() {
        rules.assertAccepts("urgent", Map.of("dateOfBirth", "2008-11-21"), TODAY);
    }

    @Test
    void oneDayShortOfEighteenIsRefused() {
        List<Problem> problems = rules.assertRefuses("dateOfBirth", "normal", Map.of("dateOfBirth", "2008-11-22"), TODAY);
        assertEquals("You must be 18 or over to apply", problems.get(0).en());
    }
}
