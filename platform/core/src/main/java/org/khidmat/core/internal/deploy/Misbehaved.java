package org.khidmat.core.internal.deploy;

/**
 * A refusal for what a bundle's own code did when it ran (a start that overran its time, an activator or
 * component that threw): the jar is quarantined by its hash, so neither a retry nor a restart runs it again.
 */
final class Misbehaved extends Refusal {
    private static final long serialVersionUID = 1L;

    Misbehaved(String reason) {
        super(reason);
    }

    Misbehaved(String reason, Throwable cause) {
        super(reason, cause);
    }
}
