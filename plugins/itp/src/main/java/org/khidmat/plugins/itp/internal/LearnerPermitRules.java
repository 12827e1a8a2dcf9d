package org.khidmat.plugins.itp.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.khidmat.api.Problem;
import org.khidmat.api.ServiceHandler;
import org.khidmat.api.Submission;
import org.osgi.service.component.annotations.Component;

/**
 * The age limits of a learner permit, by licence category: 18 for a motorcycle or car, 21 for a light
 * and 22 for a heavy transport vehicle (sample rules, see the README).
 */
@Component(property = ServiceHandler.SERVICE_ID + "=itp.learner-permit")
public final class LearnerPermitRules implements ServiceHandler {
    static final Map<String, Integer> MIN_AGE = Map.of("motorcycle", 18, "car", 18, "ltv", 21, "htv", 22);

    @Override
    public List<Problem> check(Submission s) {
        LocalDate born = Dates.parse(s.answer("dateOfBirth"));
        Integer min = MIN_AGE.get(s.answer("category"));
        if (born == null || min == null || !born.plusYears(min).isAfter(s.today())) {
            return List.of();
        }
        LocalDate from = born.plusYears(min);
        return List.of(Problem.of("dateOfBirth", "For this category you must be " + min + " or over; you can apply from " + from,
                "اس قسم کے لیے عمر " + min + " سال یا زائد ہونی چاہیے؛ آپ " + from + " سے درخواست دے سکتے ہیں"));
    }
}
