package org.khidmat.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether a service is open to citizens, as the centre admin set it. A final class with a factory rather than a
 * record, so it can grow a field (the centres it is open in, say) in a minor version.
 */
public final class ServiceState {
    private final String serviceId;
    private final String centre;
    private final boolean enabled;
    private final String reason;
    private final String changedBy;
    private final Instant changedAt;

    private ServiceState(String serviceId, String centre, boolean enabled, String reason, String changedBy,
            Instant changedAt) {
        this.serviceId = Objects.requireNonNull(serviceId, "serviceId");
        this.centre = centre == null || centre.isEmpty() ? null : centre;
        this.enabled = enabled;
        this.reason = reason;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    /**
     * @param serviceId the service
     * @param enabled open or not
     * @param reason why it is closed, for citizens; may be {@code null}
     * @param changedBy who set it
     * @param changedAt when
     * @return the state
     */
    public static ServiceState of(String serviceId, boolean enabled, String reason, String changedBy,
            Instant changedAt) {
        return new ServiceState(serviceId, null, enabled, reason, changedBy, changedAt);
    }

    /**
     * A state in one centre only, or in all centres.
     *
     * @param serviceId the service
     * @param centre the centre's id, or {@code null} for all centres
     * @param enabled open or not
     * @param reason why it is closed, for citizens; may be {@code null}
     * @param changedBy who set it
     * @param changedAt when
     * @return the state
     * @since 1.1
     */
    public static ServiceState of(String serviceId, String centre, boolean enabled, String reason, String changedBy,
            Instant changedAt) {
        return new ServiceState(serviceId, centre, enabled, reason, changedBy, changedAt);
    }

    /**
     * @return the centre it holds for, or {@code null} when it holds for all centres
     * @since 1.1
     */
    public String centre() {
        return centre;
    }

    /** @return the service */
    public String serviceId() {
        return serviceId;
    }

    /** @return open or not */
    public boolean enabled() {
        return enabled;
    }

    /** @return why it is closed, for citizens; may be {@code null} */
    public String reason() {
        return reason;
    }

    /** @return who set it */
    public String changedBy() {
        return changedBy;
    }

    /** @return when it was set */
    public Instant changedAt() {
        return changedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceState s && serviceId.equals(s.serviceId) && Objects.equals(centre, s.centre)
                && enabled == s.enabled
                && Objects.equals(reason, s.reason) && Objects.equals(changedBy, s.changedBy)
                && Objects.equals(changedAt, s.changedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serviceId, centre, enabled, reason, changedBy, changedAt);
    }

    @Override
    public String toString() {
        return "ServiceState[" + serviceId + (enabled ? " enabled" : " disabled") + (centre == null ? "" : " in " + centre)
                + " by " + changedBy + "]";
    }
}
