package org.khidmat.api.platform;

import java.util.List;

/**
 * The deployer's verdict on one step, in words an operator can act on.
 *
 * @param ok whether the step was carried out
 * @param symbolicName the bundle, or {@code null} when the jar could not even be read as a bundle
 * @param version the bundle version now in force ({@code null} after a withdrawal or a failed first deploy)
 * @param services the service ids the bundle now serves
 * @param message what happened, or why it was refused and what was kept
 * @param millis how long the step took
 * @param status what kind of verdict it is, for the HTTP status and for scripts
 */
public record DeployResult(boolean ok, String symbolicName, String version, List<String> services, String message,
        long millis, Status status) {

    /** What kind of verdict a {@link DeployResult} is. */
    public enum Status {
        /** the step was carried out (or there was nothing to do) */
        DONE,
        /** the jar or the step was refused; the message says why and what was kept */
        REFUSED,
        /** the jar carries code and waits for a centre admin's approval; nothing was deployed yet */
        PENDING_APPROVAL,
        /** the step would break other deployed bundles (for example a library others import); they are named */
        CONFLICT,
        /** no such bundle (or pending jar) */
        NOT_FOUND,
        /** the deployer has too much queued; try again shortly */
        BUSY
    }

    /**
     * A verdict of the two plain kinds: {@link Status#DONE} when {@code ok}, else {@link Status#REFUSED}.
     *
     * @param ok whether the step was carried out
     * @param symbolicName the bundle, or {@code null}
     * @param version the version in force, or {@code null}
     * @param services the service ids the bundle now serves
     * @param message what happened
     * @param millis how long the step took
     */
    public DeployResult(boolean ok, String symbolicName, String version, List<String> services, String message,
            long millis) {
        this(ok, symbolicName, version, services, message, millis, ok ? Status.DONE : Status.REFUSED);
    }
}
