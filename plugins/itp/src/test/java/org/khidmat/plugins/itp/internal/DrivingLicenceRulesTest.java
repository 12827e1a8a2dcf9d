package org.khidmat.plugins.itp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.api.Problem;
import org.khidmat.testkit.DescriptorRulesCheck;

class DrivingLicenceRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private final DescriptorRulesCheck rules = DescriptorRulesCheck.of(Path.of("target/classes"), "itp.driving-licence");

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
    void fortyOneDaysIsTooSoon() {
        assertEquals("You can take the driving test 42 days after your learner permit was issued",
                issuedOn(TODAY.minusDays(41)).get(0).en());
    }

    @Test
    void theLastDayOfValidityIsFineTheNextIsNot() {
        assertEquals(List.of(), issuedOn(TODAY.minusMonths(6)));
        List<Problem> expired = issuedOn(TODAY.minusMonths(6).minusDays(1));
        assertEquals("learnerIssuedOn", expired.get(0).field());
        assertEquals(1, expired.size(), "one problem at a time: " + expired);
    }

    @Test
    void aFutureDateIsRefused() {
        assertEquals(List.of("The learner permit date cannot be in the future"),
                issuedOn(TODAY.plusDays(1)).stream().map(Problem::en).toList(), "and nothing about the learner period");
    }
}
