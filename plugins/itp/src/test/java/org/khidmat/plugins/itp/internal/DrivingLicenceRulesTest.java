package org.khidmat.plugins.itp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.api.Problem;
import org.khidmat.testkit.ServiceHandlerCheck;

class DrivingLicenceRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private final ServiceHandlerCheck rules = ServiceHandlerCheck.of(Path.of("target/classes"), "itp.driving-licence", new DrivingLicenceRules());

    private List<Problem> issuedOn(LocalDate issued) {
        return rules.check("normal", Map.of("category", "car", "learnerIssuedOn", issued.toString()), TODAY);
    }

    @Test
    void aPermitTwoMonthsOldIsFine() {
        assertEquals(List.of(), issuedOn(TODAY.minusMonths(2)));
    }

    @Test
    void exactlyFortyTwoDaysIsEnough() {
        assertEquals(List.of(), issuedOn(TODAY.minusDays(42)));
    }

    @Test
    void fortyOneDaysIsTooSoonAndSaysTheDate() {
        assertEquals("You can take the driving test 42 days after your learner permit was issued, from 2026-11-22",
                issuedOn(TODAY.minusDays(41)).get(0).en());
    }

    @Test
    void theLastDayOfValidityIsFineTheNextIsNot() {
        assertEquals(List.of(), issuedOn(TODAY.minusMonths(6)));
        assertEquals("learnerIssuedOn", issuedOn(TODAY.minusMonths(6).minusDays(1)).get(0).field());
    }

    @Test
    void aFutureDateIsRefused() {
        assertEquals("The learner permit date cannot be in the future", issuedOn(TODAY.plusDays(1)).get(0).en());
    }
}
