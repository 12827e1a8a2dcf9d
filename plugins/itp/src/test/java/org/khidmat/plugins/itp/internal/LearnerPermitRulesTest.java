package org.khidmat.plugins.itp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.khidmat.api.Problem;
import org.khidmat.testkit.DescriptorRulesCheck;

class LearnerPermitRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private final DescriptorRulesCheck rules = DescriptorRulesCheck.of(Path.of("target/classes"), "itp.learner-permit");

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({"motorcycle,2008-11-21", "car,2008-11-21", "ltv,2005-11-21", "htv,2004-11-21", "htv,1970-01-01"})
    void oldEnoughOnTheDay(String category, String born) {
        rules.assertAccepts(null, Map.of("category", category, "dateOfBirth", born), TODAY);
    }

    @ParameterizedTest(name = "{0} born {1}")
    @CsvSource({"motorcycle,2008-11-22", "car,2010-01-01", "ltv,2005-11-22", "htv,2004-11-22"})
    void oneDayTooYoungIsRefused(String category, String born) {
        rules.assertRefuses("dateOfBirth", null, Map.of("category", category, "dateOfBirth", born), TODAY);
    }

    @Test
    void theRefusalSaysTheAgeOfTheCategory() {
        List<Problem> p = rules.assertRefuses("dateOfBirth", null, Map.of("category", "ltv", "dateOfBirth", "2006-01-15"), TODAY);
        assertEquals("For a light transport vehicle you must be 21 or over", p.get(0).en());
    }
}
