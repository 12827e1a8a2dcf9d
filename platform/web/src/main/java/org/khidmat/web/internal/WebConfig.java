package org.khidmat.web.internal;

import org.khidmat.web.internal.page.FormThrottle;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code conf/org.khidmat.web.cfg.json} ({@code KHIDMAT_PUBLIC_POSTS_PER_MINUTE}); taken without a restart. Jetty's own
 * settings (port, address, proxies) are {@code org.khidmat.http}, read by the launcher at start.
 */
@ObjectClassDefinition(id = WebConfig.PID, name = "Khidmat web", description = "Limits of the public web front")
public @interface WebConfig {
    String PID = "org.khidmat.web";

    @AttributeDefinition(min = "0", description = "public POSTs a minute from one address; 0 turns the limit off")
    int publicPostsPerMinute() default FormThrottle.DEFAULT_PER_MINUTE;
}
