package org.khidmat.api.platform;

import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one way agency bundles enter, change and leave the centre. Every step runs on one thread, in
 * order: check, install or update, resolve, start within a time limit, verify, commit; any failure rolls
 * back to the version before and leaves the centre serving.
 */
@ProviderType
public interface Deployer {

    /**
     * Deploys a jar, or replaces the deployed version of the same bundle with it. Blocks until done.
     *
     * @param jar a complete jar file; the deployer copies what it keeps, the caller may delete it after
     * @param actor who asked, for the audit log
     * @return the verdict
     */
    DeployResult deploy(Path jar, String actor);

    /**
     * Deploys a jar on behalf of one agency: the same steps, and the jar is refused unless every service it
     * declares is that agency's, and unless it replaces a bundle of the same agency.
     *
     * @param jar a complete jar file
     * @param actor who asked
     * @param agency the agency code the actor acts for
     * @return the verdict
     */
    DeployResult deployFor(Path jar, String actor, String agency);

    /**
     * Goes back to the version deployed before the current one.
     *
     * @param symbolicName the bundle
     * @param actor who asked
     * @return the verdict; not ok when there is no earlier version
     */
    DeployResult rollback(String symbolicName, String actor);

    /**
     * Stops and removes a bundle. Its services leave the catalogue; applications filed under them stay.
     *
     * @param symbolicName the bundle
     * @param actor who asked
     * @return the verdict; not ok when no such bundle is deployed
     */
    DeployResult withdraw(String symbolicName, String actor);

    /**
     * @return whether the jars found in the deploy folder when the centre started have all been deployed
     *         or refused; the centre reports itself ready only then
     */
    boolean ready();

    /** @return the agency bundles deployed now, by symbolic name */
    List<DeployedBundle> bundles();
}
