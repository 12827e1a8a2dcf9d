package org.khidmat.api.platform;

/**
 * What became of a rating.
 *
 * @param outcome stored, or why not
 * @param message a sentence for the citizen
 */
public record RatingResult(Outcome outcome, String message) {

    /** What became of a rating. */
    public enum Outcome {
        /** Stored. */
        RATED,
        /** No application with that reference and CNIC (the same answer for both, as in tracking). */
        NOT_FOUND,
        /** The application is not finished yet. */
        NOT_FINISHED,
        /** It was rated before; a rating is given once. */
        ALREADY_RATED,
        /** Stars outside 1 to 5, or a comment too long. */
        INVALID
    }

    /** @return whether the rating was stored */
    public boolean rated() {
        return outcome == Outcome.RATED;
    }
}
