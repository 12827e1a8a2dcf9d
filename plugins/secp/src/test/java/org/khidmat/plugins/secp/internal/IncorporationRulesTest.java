package org.khidmat.plugins.secp.internal;

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

class IncorporationRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private final DescriptorRulesCheck rules = DescriptorRulesCheck.of(Path.of("target/classes"), "secp.incorporation");

    private static Map<String, String> company(String type, String directors, String authorised, String paidUp) {
        return Map.of("companyType", type, "directors", directors, "authorisedCapital", authorised, "paidUpCapital", paidUp);
    }

    @ParameterizedTest(name = "{0} with {1} directors")
    @CsvSource({"smc,1", "private,2", "private,7", "public,3"})
    void enoughDirectorsForTheKindOfCompany(String type, String directors) {
        rules.assertAccepts("normal", company(type, directors, "100000", "100000"), TODAY);
    }

    @ParameterizedTest(name = "{0} with {1} directors")
    @CsvSource({"smc,2", "private,1", "public,2"})
    void wrongNumberOfDirectorsIsRefused(String type, String directors) {
        rules.assertRefuses("directors", "fasttrack", company(type, directors, "100000", "1000"), TODAY);
    }

    @Test
    void paidUpAboveAuthorisedIsRefused() {
        List<Problem> problems = rules.assertRefuses("paidUpCapital", "normal", company("private", "2", "100000", "100001"), TODAY);
        assertEquals("The paid-up capital cannot be more than the authorised capital", problems.get(0).en());
    }
}
