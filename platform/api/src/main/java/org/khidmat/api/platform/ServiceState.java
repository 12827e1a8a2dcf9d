package org.khidmat.api.platform;

import java.time.Instant;

/**
 * Whether a service is open to citizens, as the centre admin set it.
 *
 * @param serviceId the service
 * @param enabled open or not
 * @param reason why it is closed, for citizens; may be {@code null}
 * @param changedBy who set it
 * @param changedAt when
 */
public record ServiceState(String serviceId, boolean enabled, String reason, String changedBy, Instant changedAt) {
}
