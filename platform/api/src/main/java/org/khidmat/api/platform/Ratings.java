package org.khidmat.api.platform;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Citizens' ratings of finished applications: one per application, by its applicant only. */
@ProviderType
public interface Ratings {

    /** The longest comment, in characters. */
    int COMMENT_LIMIT = 1000;

    /**
     * Rates an application in a terminal state, checked by reference and CNIC as in tracking.
     *
     * @param reference the reference as typed
     * @param cnic the applicant's CNIC, with or without dashes
     * @param stars 1 to 5
     * @param comment what the citizen wrote, or {@code null}
     * @return the outcome
     * @throws StoreException when it could not be stored
     */
    RatingResult rate(String reference, String cnic, int stars, String comment);

    /**
     * @param reference the reference as typed
     * @return its rating, if it was rated
     */
    Optional<Rating> rating(String reference);
}
