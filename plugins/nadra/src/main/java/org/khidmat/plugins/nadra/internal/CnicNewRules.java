package org.khidmat.plugins.nadra.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.khidmat.api.Problem;
import org.khidmat.api.ServiceHandler;
import org.khidmat.api.Submission;
import org.osgi.service.component.annotations.Component;

/**
 * Rules for a first CNIC that the descriptor cannot say: the applicant is 18 or over, and the parent's
 * CNIC is not the applicant's own B-form number.
 */
@Component(property = ServiceHandler.SERVICE_ID + "=nadra.cnic-new")
public final class CnicNewRules implements ServiceHandler {
    static final int ADULT_AGE = 18;

    @Override
    public List<Problem> check(Submission s) {
        List<Problem> problems = new ArrayList<>();
        LocalDate born = s.date("dateOfBirth").orElse(null);
        if (born != null && born.plusYears(ADULT_AGE).isAfter(s.today())) {
            problems.add(Problem.of("dateOfBirth", "You can get a CNIC from your 18th birthday, "
                    + born.plusYears(ADULT_AGE) + "; until then your B-form is your identity document",
                    "آپ " + born.plusYears(ADULT_AGE) + " کو 18 سال کے ہونے پر شناختی کارڈ بنوا سکتے ہیں؛ تب تک ب فارم ہی آپ کی شناختی دستاویز ہے"));
        }
        String formB = digits(s.answer("formB"));
        if (!formB.isEmpty() && formB.equals(digits(s.answer("parentCnic")))) {
            problems.add(Problem.of("parentCnic", "Enter your father's or mother's CNIC, not your own B-form number",
                    "اپنے ب فارم کا نمبر نہیں بلکہ والد یا والدہ کا شناختی کارڈ نمبر درج کریں"));
        }
        return problems;
    }

    static String digits(String value) {
        return value.replaceAll("[^0-9]", "");
    }
}
