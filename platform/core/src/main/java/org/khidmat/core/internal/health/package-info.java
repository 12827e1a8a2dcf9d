/**
 * The centre's health checks as small Declarative Services components, in the manner of Apache Felix Health Checks:
 * each registers a {@link org.khidmat.api.platform.HealthCheck} with its name and whether it gates readiness, and
 * sets the gauge that the alert rules read.
 */
package org.khidmat.core.internal.health;
