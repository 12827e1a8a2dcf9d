package org.khidmat.plugins.nadra.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.khidmat.api.Problem;
import org.khidmat.api.ServiceHandler;
import org.khidmat.api.Submission;
import org.osgi.service.component.annotations.Component;

/**
 * Rules for CNIC renewal that the descriptor cannot say: the applicant is 18 or over, and the card has
 * expired or expires within 180 days (a card is not renewed earlier).
 */
@Component(property = ServiceHandler.SERVICE_ID + "=nadra.cnic-renewal")
public final class CnicRenewalRules implements ServiceHandler {
    static final int ADULT_AGE = 18;
    static final int RENEWAL_WINDOW_DAYS = 180;

    @Override
    public List<Problem> check(Submission s) {
        List<Problem> problems = new ArrayList<>();
        LocalDate born = s.date("dateOfBirth").orElse(null);
        LocalDate expiry = s.date("cardExpiry").orElse(null);
        if (born != null && born.plusYears(ADULT_AGE).isAfter(s.today())) {
            problems.add(Problem.of("dateOfBirth", "You must be 18 or over to renew a CNIC; apply for a Juvenile card (B-form) instead",
                    "شناختی کارڈ کی تجدید کے لیے عمر 18 سال یا زائد ہونی چاہیے؛ اس کے بجائے ب فارم کے لیے درخواست دیں"));
        }
        if (expiry != null && expiry.isAfter(s.today().plusDays(RENEWAL_WINDOW_DAYS))) {
            problems.add(Problem.of("cardExpiry", "Your card is valid until " + expiry
                    + "; you can renew it from " + expiry.minusDays(RENEWAL_WINDOW_DAYS),
                    "آپ کا کارڈ " + expiry + " تک کارآمد ہے؛ آپ " + expiry.minusDays(RENEWAL_WINDOW_DAYS) + " سے تجدید کرا سکتے ہیں"));
        }
        if (born != null && expiry != null && !expiry.isAfter(born)) {
            problems.add(Problem.of("cardExpiry", "The expiry date must be after your date of birth",
                    "تاریخ تنسیخ تاریخ پیدائش کے بعد ہونی چاہیے"));
        }
        return problems;
    }
}
