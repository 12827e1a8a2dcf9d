package org.khidmat.api.platform;

import java.util.List;
import org.khidmat.api.Problem;

/**
 * What became of a submission.
 *
 * @param outcome accepted, or why not
 * @param reference the reference of the stored application, or {@code null} when not accepted
 * @param problems what to fix, for {@link Outcome#INVALID} (a problem's field is {@code null} for the whole
 *        submission); empty otherwise
 */
public record SubmitResult(Outcome outcome, String reference, List<Problem> problems) {

    /** What became of a submission. */
    public enum Outcome {
        /** Stored; the reference is the citizen's. */
        ACCEPTED,
        /** Not stored: the problems say what to fix. */
        INVALID,
        /** Not stored: no such service in this centre. */
        UNKNOWN_SERVICE,
        /** Not stored: the service is disabled or cannot check applications now. */
        UNAVAILABLE
    }

    /** @return whether the application was stored */
    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
