package org.khidmat.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What one node made of one bundle of the {@link BundleSet}. A final class with a factory so it can grow a field.
 *
 * @since 1.1
 */
public final class BundleOutcome {
    /** The outcome's kind. */
    public enum State {
        /** deployed and serving on the node */
        ACTIVE,
        /** refused by the node's checks (a tampered jar, an import the node cannot satisfy) */
        REFUSED,
        /** the node could not deploy it for another reason (a start that failed, a missing native library) */
        FAILED
    }

    private final String node;
    private final String symbolicName;
    private final String version;
    private final State state;
    private final String message;
    private final Instant at;

    private BundleOutcome(String node, String symbolicName, String version, State state, String message, Instant at) {
        this.node = Objects.requireNonNull(node, "node");
        this.symbolicName = Objects.requireNonNull(symbolicName, "symbolicName");
        this.version = Objects.requireNonNull(version, "version");
        this.state = Objects.requireNonNull(state, "state");
        this.message = message;
        this.at = Objects.requireNonNull(at, "at");
    }

    /**
     * @param node the node's name
     * @param symbolicName the bundle
     * @param version the version of the set the outcome is for
     * @param state active, refused or failed
     * @param message why, in plain words; may be {@code null} for an active bundle
     * @param at when
     * @return the outcome
     */
    public static BundleOutcome of(String node, String symbolicName, String version, State state, String message,
            Instant at) {
        return new BundleOutcome(node, symbolicName, version, state, message, at);
    }

    /** @return the node's name */
    public String node() {
        return node;
    }

    /** @return the bundle */
    public String symbolicName() {
        return symbolicName;
    }

    /** @return the version the outcome is for */
    public String version() {
        return version;
    }

    /** @return active, refused or failed */
    public State state() {
        return state;
    }

    /** @return why, or {@code null} */
    public String message() {
        return message;
    }

    /** @return when */
    public Instant at() {
        return at;
    }
}
