package org.khidmat.core.internal.deploy;

/** A jar the deployer will not take, with the reason in words an agency developer can act on. */
class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    Refusal(String reason) {
        super(reason);
    }

    Refusal(String reason, Throwable cause) {
        super(reason, cause);
    }
}
