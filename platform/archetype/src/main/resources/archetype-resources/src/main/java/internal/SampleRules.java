package ${package}.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.khidmat.api.Problem;
import org.khidmat.api.ServiceHandler;
import org.khidmat.api.Submission;
import org.osgi.service.component.annotations.Component;

/**
 * The rule of ${agencyCode}.sample-certificate that its descriptor cannot say: the applicant is 18 or over.
 * The centre runs it after the descriptor's own field rules have passed.
 */
@Component(property = ServiceHandler.SERVICE_ID + "=${agencyCode}.sample-certificate")
public final class SampleRules implements ServiceHandler {
    static final int ADULT_AGE = 18;

    @Override
    public List<Problem> check(Submission s) {
        LocalDate born;
        try {
            born = LocalDate.parse(s.answer("dateOfBirth"));
        } catch (DateTimeParseException e) {
            return List.of(); // the field rules already refused a bad date
        }
        if (born.plusYears(ADULT_AGE).isAfter(s.today())) {
            return List.of(Problem.of("dateOfBirth", "You must be 18 or over to apply",
                    "درخواست کے لیے عمر 18 سال یا زائد ہونی چاہیے"));
        }
        return List.of();
    }
}
