package org.khidmat.api.platform;

import java.util.Objects;

/** The verdict of a {@link HealthCheck}: a status and a sentence for the operator that says what to do. */
public final class HealthResult {
    /** How the checked part is. */
    public enum Status {
        /** working */
        OK,
        /** working, but needs attention soon (a growing backlog, disk getting full) */
        WARN,
        /** not working; for a readiness check, the centre is not ready */
        CRITICAL
    }

    private final Status status;
    private final String message;

    private HealthResult(Status status, String message) {
        this.status = Objects.requireNonNull(status, "status");
        this.message = message == null ? "" : message;
    }

    /** @return a result for a part that works, with what was seen */
    public static HealthResult ok(String message) {
        return new HealthResult(Status.OK, message);
    }

    /** @return a result for a part that works but needs attention, saying what to do */
    public static HealthResult warn(String message) {
        return new HealthResult(Status.WARN, message);
    }

    /** @return a result for a part that does not work, saying what to do */
    public static HealthResult critical(String message) {
        return new HealthResult(Status.CRITICAL, message);
    }

    /** @return the status */
    public Status status() {
        return status;
    }

    /** @return the sentence for the operator; never {@code null} */
    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return status + ": " + message;
    }
}
