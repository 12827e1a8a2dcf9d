package org.khidmat.plugins.dgip.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.khidmat.api.Problem;
import org.khidmat.api.ServiceHandler;
import org.khidmat.api.Submission;
import org.osgi.service.component.annotations.Component;

/**
 * Rules for a first passport that the descriptor cannot say: a child (under 18) names a guardian, who is
 * someone else, and gets a 5-year passport; 72-page books are not printed on the fast track.
 */
@Component(property = ServiceHandler.SERVICE_ID + "=dgip.passport-new")
public final class PassportRules implements ServiceHandler {
    static final int ADULT_AGE = 18;

    @Override
    public List<Problem> check(Submission s) {
        List<Problem> problems = new ArrayList<>();
        LocalDate born = s.date("dateOfBirth").orElse(null);
        boolean child = born != null && born.plusYears(ADULT_AGE).isAfter(s.today());
        String guardian = digits(s.answer("guardianCnic"));
        if (child && guardian.isEmpty()) {
            problems.add(Problem.of("guardianCnic", "An applicant under 18 needs a father's or guardian's CNIC",
                    "18 سال سے کم عمر درخواست گزار کے لیے والد یا سرپرست کا شناختی کارڈ درکار ہے"));
        }
        if (!guardian.isEmpty() && guardian.equals(digits(s.answer("cnic")))) {
            problems.add(Problem.of("guardianCnic", "The guardian's CNIC must be someone else's",
                    "سرپرست کا شناختی کارڈ کسی دوسرے شخص کا ہونا چاہیے"));
        }
        if (child && "10".equals(s.answer("validity"))) {
            problems.add(Problem.of("validity", "A passport for someone under 18 is valid for 5 years; choose 5 years",
                    "18 سال سے کم عمر کا پاسپورٹ 5 سال کے لیے جاری ہوتا ہے؛ 5 سال منتخب کریں"));
        }
        if ("fasttrack".equals(s.tier()) && "72".equals(s.answer("pages"))) {
            problems.add(Problem.of("pages", "72-page passports are not printed on the fast track; choose 36 pages or the urgent tier",
                    "72 صفحات والا پاسپورٹ فاسٹ ٹریک پر نہیں چھپتا؛ 36 صفحات یا ارجنٹ منتخب کریں"));
        }
        return problems;
    }

    private static String digits(String value) {
        return value.replaceAll("[^0-9]", "");
    }
}
