package org.khidmat.core.internal.health;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code conf/org.khidmat.health.cfg.json}: the thresholds of the health checks; the defaults are those of
 * {@code docs/configuration.md}. A change re-activates the checks that read it, so it takes effect at the next probe.
 */
@ObjectClassDefinition(id = HealthConfig.PID, name = "Khidmat health checks",
        description = "Thresholds of the checks in /health and the gauges the alert rules read")
public @interface HealthConfig {
    String PID = "org.khidmat.health";

    @AttributeDefinition(description = "WARN above this many messages waiting to be sent", min = "1")
    int outboxWarn() default 100;

    @AttributeDefinition(description = "WARN under this many MB free for data/; CRITICAL under a tenth", min = "1")
    int diskWarnMb() default 1024;

    @AttributeDefinition(description = "minutes between two checks of the new audit log entries", min = "1")
    int auditCheckMinutes() default 5;

    @AttributeDefinition(description = "WARN when a bundle has waited longer than this many hours for approval",
            min = "1")
    int approvalWarnHours() default 24;
}
