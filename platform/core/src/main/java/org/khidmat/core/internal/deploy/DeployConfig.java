package org.khidmat.core.internal.deploy;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code conf/org.khidmat.deploy.cfg.json} ({@code KHIDMAT_DEPLOY_START_TIMEOUT}, {@code KHIDMAT_REQUIRE_SIGNED},
 * {@code KHIDMAT_WATCH_DEPLOY_FOLDER});
 * read when the deployer starts: a change takes effect at the next start.
 */
@ObjectClassDefinition(id = DeployConfig.PID, name = "Khidmat deployer", description = "How agency bundles are deployed")
public @interface DeployConfig {
    String PID = "org.khidmat.deploy";

    @AttributeDefinition(min = "1", max = "300", description = "seconds an agency bundle may take to start")
    int startTimeoutSeconds() default 10;

    @AttributeDefinition(description = "accept only bundles signed with the agency's certificate in conf/agencies/")
    boolean requireSigned() default false;

    @AttributeDefinition(description = "watch deploy/ for jars; on a multi-node install exactly one node does, the others"
            + " take their bundles from the bundle set in the database")
    boolean watchDeployFolder() default true;
}
