package org.khidmat.plugins.itp.internal;

import java.time.LocalDate;
import java.util.List;
import org.khidmat.api.Problem;
import org.khidmat.api.ServiceHandler;
import org.khidmat.api.Submission;
import org.osgi.service.component.annotations.Component;

/**
 * The learner period before a driving test: the permit was issued at least 42 days ago, and it is still
 * valid (six months from issue).
 */
@Component(property = ServiceHandler.SERVICE_ID + "=itp.driving-licence")
public final class DrivingLicenceRules implements ServiceHandler {
    static final int LEARNER_DAYS = 42;
    static final int LEARNER_VALID_MONTHS = 6;

    @Override
    public List<Problem> check(Submission s) {
        LocalDate issued = Dates.parse(s.answer("learnerIssuedOn"));
        if (issued == null) {
            return List.of();
        }
        if (issued.isAfter(s.today())) {
            return List.of(Problem.of("learnerIssuedOn", "The learner permit date cannot be in the future",
                    "لرنر پرمٹ کی تاریخ آئندہ کی نہیں ہو سکتی"));
        }
        LocalDate testFrom = issued.plusDays(LEARNER_DAYS);
        if (testFrom.isAfter(s.today())) {
            return List.of(Problem.of("learnerIssuedOn", "You can take the driving test " + LEARNER_DAYS
                    + " days after your learner permit was issued, from " + testFrom,
                    "آپ لرنر پرمٹ کے اجراء کے " + LEARNER_DAYS + " دن بعد، " + testFrom + " سے ڈرائیونگ ٹیسٹ دے سکتے ہیں"));
        }
        if (issued.plusMonths(LEARNER_VALID_MONTHS).isBefore(s.today())) {
            return List.of(Problem.of("learnerIssuedOn", "Your learner permit expired on "
                    + issued.plusMonths(LEARNER_VALID_MONTHS) + "; get a new one first",
                    "آپ کا لرنر پرمٹ " + issued.plusMonths(LEARNER_VALID_MONTHS) + " کو ختم ہو چکا ہے؛ پہلے نیا پرمٹ حاصل کریں"));
        }
        return List.of();
    }
}
