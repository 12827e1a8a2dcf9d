package org.khidmat.api.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionStage;
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
     * The same as {@link #deploy} or {@link #deployFor}, without holding the caller's thread while the jar waits
     * its turn and runs: for HTTP uploads. When too much is queued already, the verdict is
     * {@link DeployResult.Status#BUSY} at once.
     *
     * @param jar a complete jar file; the caller may delete it once the stage completes
     * @param actor who asked
     * @param agency the agency code the actor acts for, or {@code null} for a centre admin or the deploy folder;
     *        a jar with code deployed for an agency waits for a centre admin's approval
     * @return the verdict, when it is known
     */
    CompletionStage<DeployResult> deployLater(Path jar, String actor, String agency);

    /**
     * Jars that carry code, uploaded by agency accounts, waiting for a centre admin's approval.
     *
     * @return the waiting jars, oldest first
     */
    List<PendingBundle> pending();

    /**
     * Approves a waiting jar and deploys it; the approval, the approver and the jar's hash are audited, and the
     * same hash deploys without asking again.
     *
     * @param sha256 the waiting jar's hash, as {@link PendingBundle#sha256()} gives it
     * @param actor the centre admin who approves
     * @return the deploy verdict; {@link DeployResult.Status#NOT_FOUND} when no such jar waits
     */
    DeployResult approve(String sha256, String actor);

    /**
     * Turns a waiting jar down; it is deleted and the refusal audited.
     *
     * @param sha256 the waiting jar's hash
     * @param actor the centre admin
     * @param reason told to the agency
     * @return the verdict; {@link DeployResult.Status#NOT_FOUND} when no such jar waits
     */
    DeployResult reject(String sha256, String actor, String reason);

    /**
     * Goes back to the version deployed before the current one.
     *
     * @param symbolicName the bundle
     * @param actor who asked
     * @return the verdict; not ok when there is no earlier version
     */
    DeployResult rollback(String symbolicName, String actor);

    /**
     * Stops and removes a bundle. Its services leave the catalogue; applications filed under them stay. A
     * library other bundles import is not withdrawn: see {@link #withdraw(String, String, boolean)}.
     *
     * @param symbolicName the bundle
     * @param actor who asked
     * @return the verdict; not ok when no such bundle is deployed
     */
    DeployResult withdraw(String symbolicName, String actor);

    /**
     * Withdraws a bundle; when other deployed bundles import its packages, the verdict is
     * {@link DeployResult.Status#CONFLICT} naming them unless {@code withDependents}, which withdraws them too.
     *
     * @param symbolicName the bundle
     * @param actor who asked
     * @param withDependents whether to withdraw the bundles that depend on it as well
     * @return the verdict
     */
    DeployResult withdraw(String symbolicName, String actor, boolean withDependents);

    /**
     * @return whether the jars found in the deploy folder when the centre started have all been deployed
     *         or refused; the centre reports itself ready only then
     */
    boolean ready();

    /** @return the agency bundles deployed now, by symbolic name */
    List<DeployedBundle> bundles();
}
