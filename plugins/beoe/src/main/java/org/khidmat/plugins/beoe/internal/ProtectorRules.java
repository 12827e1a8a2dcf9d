package org.khidmat.plugins.beoe.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.khidmat.api.Problem;
import org.khidmat.api.ServiceHandler;
import org.khidmat.api.Submission;
import org.osgi.service.component.annotations.Component;

/**
 * Rules for emigrant registration: the emigrant is 18 or over (25 for a woman going as a domestic
 * worker), the passport is valid at least six months from today, and the work visa has not expired.
 */
@Component(property = ServiceHandler.SERVICE_ID + "=beoe.protector")
public final class ProtectorRules implements ServiceHandler {
    static final int MIN_AGE = 18;
    static final int MIN_AGE_FEMALE_DOMESTIC = 25;
    static final int PASSPORT_MONTHS = 6;

    @Override
    public List<Problem> check(Submission s) {
        List<Problem> problems = new ArrayList<>();
        LocalDate born = s.date("dateOfBirth").orElse(null);
        boolean femaleDomestic = "female".equals(s.answer("gender")) && "domestic".equals(s.answer("occupation"));
        int min = femaleDomestic ? MIN_AGE_FEMALE_DOMESTIC : MIN_AGE;
        if (born != null && born.plusYears(min).isAfter(s.today())) {
            problems.add(Problem.of("dateOfBirth", "You must be " + min + " or over to register for this job abroad",
                    "بیرون ملک اس ملازمت کی رجسٹریشن کے لیے عمر " + min + " سال یا زائد ہونی چاہیے"));
        }
        LocalDate passport = s.date("passportExpiry").orElse(null);
        LocalDate needed = s.today().plusMonths(PASSPORT_MONTHS);
        if (passport != null && passport.isBefore(needed)) {
            problems.add(Problem.of("passportExpiry", "Your passport must be valid until at least " + needed + "; renew it first",
                    "آپ کا پاسپورٹ کم از کم " + needed + " تک کارآمد ہونا چاہیے؛ پہلے تجدید کرائیں"));
        }
        LocalDate visa = s.date("visaExpiry").orElse(null);
        if (visa != null && !visa.isAfter(s.today())) {
            problems.add(Problem.of("visaExpiry", "Your work visa has expired; ask your employer for a new one",
                    "آپ کا ورک ویزا ختم ہو چکا ہے؛ اپنے آجر سے نیا ویزا حاصل کریں"));
        }
        return problems;
    }
}
