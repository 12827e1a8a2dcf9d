package org.khidmat.plugins.nadra.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.khidmat.api.Problem;
import org.khidmat.testkit.DescriptorRulesCheck;

class CnicRenewalRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private final DescriptorRulesCheck rules = DescriptorRulesCheck.of(Path.of("target/classes"), "nadra.cnic-renewal");

    private List<Problem> check(String born, String expiry) {
        return rules.check("normal", Map.of("dateOfBirth", born, "cardExpiry", expiry), TODAY);
    }

    @Test
    void adultWithExpiredCardMayRenew() {
        assertTrue(check("1990-05-01", "2026-01-01").isEmpty());
    }

    @Test
    void eighteenthBirthdayTodayIsOldEnough() {
        assertTrue(check("2008-11-21", "2026-12-31").isEmpty());
    }

    @Test
    void oneDayShortOfEighteenIsRefusedAtTheDateOfBirth() {
        List<Problem> problems = check("2008-11-22", "2026-12-31");
        assertEquals(1, problems.size());
        assertEquals("dateOfBirth", problems.get(0).field());
        assertTrue(problems.get(0).en().contains("18 or over"), problems.get(0).en());
    }

    @Test
    void cardExpiringExactlyAtTheEndOfTheWindowMayRenew() {
        assertTrue(check("1990-05-01", TODAY.plusDays(180).toString()).isEmpty());
    }

    @Test
    void cardValidBeyondTheWindowIsRefused() {
        List<Problem> problems = check("1990-05-01", TODAY.plusDays(181).toString());
        assertEquals(List.of(Problem.of("cardExpiry",
                "Your card is valid for more than 180 days yet; you can renew it from 180 days before it expires",
                "آپ کا کارڈ ابھی 180 دن سے زیادہ کارآمد ہے؛ آپ اس کی میعاد ختم ہونے سے 180 دن پہلے سے تجدید کرا سکتے ہیں")), problems);
    }

    @Test
    void expiryBeforeBirthIsRefused() {
        List<Problem> problems = check("1990-05-01", "1989-01-01");
        assertEquals("cardExpiry", problems.get(0).field());
        assertEquals("The expiry date must be after your date of birth", problems.get(0).en());
    }
}
