package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.page.ServiceJson;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.khidmat.api.platform.DeployResult;
import org.khidmat.api.platform.DeployedBundle;
import org.khidmat.api.platform.Deployer;
import org.khidmat.api.platform.PendingBundle;
import org.khidmat.api.platform.Role;

/**
 * What staff may do with bundles, the same for the API and the consoles: admins everything, agency staff only
 * their agency's bundles (through {@link Deployer#deployFor}), operators nothing. Every verdict is the deployer's.
 */
public final class BundleDesk {
    /** A verdict and the HTTP status that goes with it. */
    public record Outcome(int status, DeployResult result) {
        static Outcome refused(int status, String symbolicName, String message) {
            return new Outcome(status, new DeployResult(false, symbolicName, null, List.of(), message, 0));
        }
    }

    private final Deployer deployer;

    public BundleDesk(Deployer deployer) {
        this.deployer = deployer;
    }

    /** @return the bundles the caller may see: all for admins and operators, its agency's for agency staff */
    public List<DeployedBundle> visible(Gate.Caller caller) {
        return deployer.bundles().stream().filter(b -> !caller.is(Role.AGENCY) || caller.mayAct(b.agency())).toList();
    }

    /**
     * Deploys without holding the caller's thread: the stage completes when the deployer's verdict is known. Jars
     * with code from agency accounts wait for approval (202).
     */
    public CompletionStage<Outcome> deploy(Gate.Caller caller, Path jar) {
        if (caller.is(Role.OPERATOR)) {
            return CompletableFuture.completedFuture(Outcome.refused(403, null, "counter operators cannot deploy bundles"));
        }
        String agency = caller.is(Role.ADMIN) ? null : caller.account().agency();
        return deployer.deployLater(jar, caller.name(), agency).thenApply(r -> {
            boolean otherAgency = caller.is(Role.AGENCY) && !r.ok() && r.message() != null
                    && r.message().contains("an account of agency");
            return new Outcome(otherAgency ? 403 : status(r, 422), r);
        });
    }

    /** @return the jars waiting for approval: admins only */
    public List<PendingBundle> pending(Gate.Caller caller) {
        return caller.is(Role.ADMIN) ? deployer.pending() : List.of();
    }

    public Outcome approve(Gate.Caller caller, String sha256) {
        if (!caller.is(Role.ADMIN)) {
            return Outcome.refused(403, null, "only a centre admin approves bundles that carry code");
        }
        DeployResult r = deployer.approve(sha256, caller.name());
        return new Outcome(status(r, 422), r);
    }

    public Outcome reject(Gate.Caller caller, String sha256, String reason) {
        if (!caller.is(Role.ADMIN)) {
            return Outcome.refused(403, null, "only a centre admin turns down bundles that carry code");
        }
        DeployResult r = deployer.reject(sha256, caller.name(), reason);
        return new Outcome(status(r, 422), r);
    }

    public Outcome rollback(Gate.Caller caller, String symbolicName) {
        return mine(caller, symbolicName).orElseGet(() -> verdict(deployer.rollback(symbolicName, caller.name())));
    }

    public Outcome withdraw(Gate.Caller caller, String symbolicName, boolean withDependents) {
        return mine(caller, symbolicName).orElseGet(() -> verdict(deployer.withdraw(symbolicName, caller.name(), withDependents)));
    }

    /** @return a refusal when the bundle is unknown or not the caller's to touch; empty when it may go ahead */
    private Optional<Outcome> mine(Gate.Caller caller, String symbolicName) {
        if (caller.is(Role.OPERATOR)) {
            return Optional.of(Outcome.refused(403, symbolicName, "counter operators cannot change bundles"));
        }
        Optional<DeployedBundle> b = deployer.bundles().stream().filter(x -> x.symbolicName().equals(symbolicName)).findFirst();
        if (b.isEmpty()) {
            return Optional.of(Outcome.refused(404, symbolicName, "no bundle " + symbolicName + " is deployed"));
        }
        if (!caller.mayAct(b.get().agency())) {
            return Optional.of(Outcome.refused(403, symbolicName, "bundle " + symbolicName + " belongs to "
                    + (b.get().agency() == null ? "no agency" : "agency " + b.get().agency()) + "; account " + caller.name()
                    + " acts for agency " + caller.account().agency() + " only"));
        }
        return Optional.empty();
    }

    private static Outcome verdict(DeployResult r) {
        return new Outcome(status(r, 409), r);
    }

    /** The HTTP status of a verdict; {@code refused} for a plain refusal. */
    static int status(DeployResult r, int refused) {
        return switch (r.status()) {
            case DONE -> 200;
            case PENDING_APPROVAL -> 202;
            case CONFLICT -> 409;
            case NOT_FOUND -> 404;
            case BUSY -> 503;
            case REFUSED -> refused;
        };
    }

    public static Map<String, Object> json(DeployResult r) {
        Map<String, Object> m = ServiceJson.ordered("ok", r.ok(), "symbolicName", r.symbolicName(), "version", r.version(),
                "services", r.services(), "message", r.message(), "millis", r.millis());
        m.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
        return m;
    }

    public static Map<String, Object> json(PendingBundle p) {
        Map<String, Object> m = ServiceJson.ordered("sha256", p.sha256(), "symbolicName", p.symbolicName(), "version",
                p.version(), "agency", p.agency(), "uploadedBy", p.uploadedBy());
        m.put("uploadedAt", p.uploadedAt().toString());
        m.put("imports", p.imports());
        m.put("components", p.components());
        m.put("classes", p.classes());
        m.put("services", p.services());
        return m;
    }

    public static Map<String, Object> json(DeployedBundle b) {
        Map<String, Object> m = ServiceJson.ordered("symbolicName", b.symbolicName(), "version", b.version(), "state", b.state(),
                "agency", b.agency(), "services", b.services());
        m.put("sha256", b.sha256());
        m.put("deployedBy", b.deployedBy());
        m.put("deployedAt", b.deployedAt() == null ? null : b.deployedAt().toString());
        m.put("previousVersion", b.previousVersion());
        return m;
    }
}
