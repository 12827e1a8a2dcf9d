package org.khidmat.plugins.beoe.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.api.Problem;
import org.khidmat.testkit.DescriptorRulesCheck;

class ProtectorRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private final DescriptorRulesCheck rules = DescriptorRulesCheck.of(Path.of("target/classes"), "beoe.protector");

    private static Map<String, String> emigrant(String born, String gender, String job, String passport, String visa) {
        return Map.of("dateOfBirth", born, "gender", gender, "occupation", job, "passportExpiry", passport, "visaExpiry", visa);
    }

    @Test
    void aSkilledWorkerWithGoodPapersIsAccepted() {
        rules.assertAccepts("normal", emigrant("1995-04-04", "male", "skilled", "2030-01-01", "2027-03-01"), TODAY);
    }

    @Test
    void boundaries() {
        rules.assertAccepts("normal", emigrant("2008-11-21", "male", "unskilled", "2027-05-21", "2026-11-22"), TODAY);
        rules.assertAccepts("urgent", emigrant("2001-11-21", "female", "domestic", "2030-01-01", "2027-01-01"), TODAY);
    }

    @Test
    void underEighteenIsRefused() {
        rules.assertRefuses("dateOfBirth", "normal", emigrant("2008-11-22", "male", "skilled", "2030-01-01", "2027-01-01"), TODAY);
    }

    @Test
    void aWomanGoingAsADomesticWorkerMustBeTwentyFive() {
        List<Problem> p = rules.assertRefuses("dateOfBirth", "normal", emigrant("2001-11-22", "female", "domestic", "2030-01-01", "2027-01-01"), TODAY);
        assertEquals("You must be 25 or over to register as a domestic worker abroad", p.get(0).en());
        rules.assertAccepts("normal", emigrant("2001-11-22", "female", "professional", "2030-01-01", "2027-01-01"), TODAY);
    }

    @Test
    void aPassportShortOfSixMonthsOrAnExpiredVisaIsRefused() {
        rules.assertRefuses("passportExpiry", "normal", emigrant("1995-04-04", "male", "skilled", "2027-05-20", "2027-01-01"), TODAY);
        rules.assertRefuses("visaExpiry", "normal", emigrant("1995-04-04", "male", "skilled", "2030-01-01", "2026-11-21"), TODAY);
    }
}
