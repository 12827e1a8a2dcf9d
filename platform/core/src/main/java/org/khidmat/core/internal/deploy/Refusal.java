package org.khidmat.core.internal.deploy;

import org.khidmat.core.internal.words.CoreWords;

/**
 * A jar the deployer will not take, with the reason in words an agency developer can act on: the sentences are in
 * core's {@code refusals_<lang>.properties} ({@link #of}).
 */
class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    /** @return the refusal whose reason is the word {@code key} with the values filled in */
    static Refusal of(String key, Object... values) {
        return new Refusal(CoreWords.REFUSALS.en(key, values));
    }

    /** @return the same, caused by {@code cause} */
    static Refusal of(Throwable cause, String key, Object... values) {
        return new Refusal(CoreWords.REFUSALS.en(key, values), cause);
    }

    Refusal(String reason) {
        super(reason);
    }

    Refusal(String reason, Throwable cause) {
        super(reason, cause);
    }
}
