package org.khidmat.api.platform;

/**
 * What became of a request to move an application.
 *
 * @param outcome moved, or why not
 * @param message a sentence for staff: what happened, or what to do instead
 */
public record MoveResult(Outcome outcome, String message) {

    /** What became of a move. */
    public enum Outcome {
        /** Moved and recorded. */
        MOVED,
        /** No application with that reference. */
        UNKNOWN_APPLICATION,
        /** The workflow does not allow that move from the current state. */
        NOT_ALLOWED,
        /** This move needs a note saying why. */
        NOTE_REQUIRED,
        /** Someone else moved it first; look again. */
        CONFLICT,
        /** Its fee is not paid yet; only a move to a final state (a refusal) is allowed before payment. */
        PAYMENT_DUE
    }

    /** @return whether the move was made */
    public boolean moved() {
        return outcome == Outcome.MOVED;
    }
}
