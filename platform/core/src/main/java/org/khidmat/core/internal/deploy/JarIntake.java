package org.khidmat.core.internal.deploy;

import static org.khidmat.core.internal.deploy.Words.millis;
import static org.khidmat.core.internal.deploy.Words.result;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.khidmat.api.platform.DeployResult;
import org.khidmat.api.platform.DeployResult.Status;
import org.khidmat.api.platform.PendingBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A jar from its arrival to its verdict: recognised when its bytes are deployed already; otherwise copied aside,
 * checked (quarantine, the jar, its signature, who may deploy it), parked when an agency's jar carries code that no
 * centre admin approved, archived, and put into service by {@link Switchover} as a new bundle or an update.
 */
final class JarIntake {
    private static final Logger LOG = LoggerFactory.getLogger(JarIntake.class);

    /** The checks a jar passes before it is archived. */
    record Checks(JarCheck jar, SignatureCheck signatures, boolean requireSigned, Quarantine quarantine,
            Admission admission) {
    }

    private final DeployerParts parts;
    private final Checks checks;
    private final Switchover switchover;
    private final Suspensions suspensions;
    private final AtomicLong incoming = new AtomicLong();

    JarIntake(DeployerParts parts, Checks checks, Switchover switchover, Suspensions suspensions) {
        this.parts = parts;
        this.checks = checks;
        this.switchover = switchover;
        this.suspensions = suspensions;
    }

    /**
     * @param sourceFile the file in deploy/ the jar is, or {@code null} for a jar from the API or the set
     * @param agencyScope the agency of the account that uploaded it, or {@code null} for the centre's own
     */
    DeployResult deploy(Path jar, String actor, String sourceFile, String agencyScope) {
        return parts.meter().deployer("deploy", () -> judged(jar, actor, sourceFile, agencyScope));
    }

    private DeployResult judged(Path jar, String actor, String sourceFile, String agencyScope) {
        long t0 = System.nanoTime();
        Path copy = parts.archiveDir().resolve("incoming-" + incoming.incrementAndGet() + ".jar");
        Candidate c = null;
        try {
            DeployResult same = alreadyDeployed(jar, sourceFile, t0);
            if (same != null) {
                return same;
            }
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            var misbehaved = checks.quarantine().reason(JarCheck.sha256(copy));
            if (misbehaved.isPresent()) {
                throw Refusal.of("refusal.quarantined", misbehaved.get());
            }
            c = checks.jar().check(copy);
            if (checks.requireSigned()) {
                checks.signatures().check(copy, c);
            }
            Installed current = parts.installed().get(c.symbolicName());
            if (agencyScope != null) {
                Admission.ownAgency(c, current, agencyScope); // first: another agency's jar hears only that
            }
            checks.admission().check(c, current, parts.installed().values());
            LOG.debug("{}: admissible in {} ms", c.label(), millis(t0));
            if (agencyScope != null && Approvals.hasCode(copy) && !parts.approvals().isApproved(c.sha256())) {
                return park(copy, c, actor, agencyScope, t0);
            }
            Path archived = Files.createDirectories(parts.archiveDir().resolve(c.symbolicName()))
                    .resolve(DeployPlan.archivedName(c));
            Files.move(copy, archived, StandardCopyOption.REPLACE_EXISTING);
            Installed next = new Installed(-1, c.withJar(archived), archived, sourceFile, actor, Instant.now(),
                    History.trim(current));
            try {
                DeployResult r = current == null ? switchover.installNew(next, t0)
                        : switchover.replace(current, next, t0, "update");
                suspensions.resume();
                return r;
            } finally {
                History.prune(parts.archiveDir().resolve(c.symbolicName()), parts.installed().get(c.symbolicName()));
            }
        } catch (Misbehaved m) {
            checks.quarantine().add(c.sha256(), c.label(), m.getMessage());
            return Refused.verdict(parts, c, copy, m.getMessage(), actor, t0);
        } catch (Refusal r) {
            return Refused.verdict(parts, c, copy, r.getMessage(), actor, t0);
        } catch (IOException e) {
            return Refused.verdict(parts, c, copy, "the jar could not be read or copied: " + e.getMessage(), actor, t0);
        } finally {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                LOG.debug("could not delete {}", copy, e);
            }
        }
    }

    /** The verdict for a jar whose bytes are those of a deployed bundle, or {@code null} for any other jar. */
    private DeployResult alreadyDeployed(Path jar, String sourceFile, long t0) throws IOException {
        if (parts.installed().isEmpty()) {
            return null;
        }
        Optional<Installed> same = DeployPlan.sameBytes(parts.installed().values(), JarCheck.sha256(jar));
        if (same.isEmpty()) {
            return null;
        }
        Installed i = same.get();
        Installed kept = sourceFile == null ? i : i.withSource(sourceFile);
        parts.installed().put(i.candidate().symbolicName(), kept);
        if (kept != i) {
            parts.save();
        }
        return result(true, i.candidate(), "bundle " + i.candidate().label() + " is already deployed; nothing to do", t0);
    }

    private DeployResult park(Path copy, Candidate c, String actor, String agency, long t0) throws IOException {
        PendingBundle p = parts.approvals().park(copy, c, agency, actor);
        parts.audit().append(actor, "bundle.pending", c.symbolicName(), c.version() + " sha256=" + c.sha256() + " imports="
                + p.imports() + " components=" + p.components());
        LOG.info("{} carries code and waits for a centre admin's approval", c.label());
        return new DeployResult(false, c.symbolicName(), null, c.serviceIds(), "bundle " + c.label() + " carries code ("
                + p.classes() + " classes" + (p.components().isEmpty() ? "" : ", " + String.join(", ", p.components()))
                + "), so it waits for a centre admin's approval before it is deployed; its hash is " + c.sha256(),
                millis(t0), Status.PENDING_APPROVAL);
    }
}
