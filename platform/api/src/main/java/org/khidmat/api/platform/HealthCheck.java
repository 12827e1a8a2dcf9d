package org.khidmat.api.platform;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One check of the centre's health (the store, the deployer, the message outbox, the disk), registered as a service
 * by the platform bundle that knows the part, and read by {@code /health} and {@code /health/ready}. A check is quick
 * (it runs at every probe and every metrics scrape) and never throws: a failure is a {@link HealthResult}.
 */
@ProviderType
public interface HealthCheck {
    /** Service property: the check's short name, like {@code store}; one service per name. */
    String NAME = "khidmat.health.name";
    /**
     * Service property ({@code Boolean}): when {@code true}, the centre is not ready (503 on {@code /health/ready} and
     * {@code /health}) while this check is {@link HealthResult.Status#CRITICAL}, and until the check is registered.
     */
    String READINESS = "khidmat.health.readiness";

    /** @return the check's verdict now */
    HealthResult check();
}
