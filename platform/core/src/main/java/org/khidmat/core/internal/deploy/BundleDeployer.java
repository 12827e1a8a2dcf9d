package org.khidmat.core.internal.deploy;

import static org.khidmat.core.internal.deploy.Words.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.khidmat.api.platform.DeployResult;
import org.khidmat.api.platform.DeployResult.Status;
import org.khidmat.api.platform.DeployedBundle;
import org.khidmat.api.platform.Deployer;
import org.khidmat.api.platform.Metrics;
import org.khidmat.api.platform.PendingBundle;
import org.khidmat.api.platform.Rules;
import org.khidmat.api.store.AgencyOwners;
import org.khidmat.api.store.ApplicationStore;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.store.BundleApprovals;
import org.khidmat.api.store.BundleQuarantine;
import org.khidmat.api.store.BundleSet;
import org.khidmat.api.store.Signals;
import org.khidmat.core.internal.catalogue.CatalogueService;
import org.khidmat.core.internal.config.NodeName;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployer: one thread, every lifecycle step in order, and the centre serving throughout. A new version is
 * installed beside the one serving, started and verified, and only then takes over the catalogue in one step;
 * the old one is retired after in-flight requests drained. Nothing reaches citizens before it is committed. Jars
 * arrive through {@link Deployer} calls and through the deploy folder; the folder is what the centre deploys at
 * start, so whatever is deployed through the API is also written there. This component wires the steps and puts
 * every call on {@link DeployerThread}: the start is {@link Adoption}, a jar {@link JarIntake}, a switch of
 * versions {@link Switchover}, a withdrawal {@link Withdrawal}, and what each decides is {@link DeployPlan}'s.
 */
@Component(service = Deployer.class, immediate = true, configurationPid = DeployConfig.PID)
@Designate(ocd = DeployConfig.class)
public final class BundleDeployer implements Deployer {
    private static final Logger LOG = LoggerFactory.getLogger(BundleDeployer.class);

    private final BundleContext context;
    private final AuditLog audit;
    private final Path deployDir;
    private final JarCheck jarCheck = new JarCheck(Limits.DEFAULT);
    private final BundleSteps steps;
    private final Approvals approvals;
    private final Map<String, Installed> installed = new ConcurrentHashMap<>();
    private final DeployerThread thread = new DeployerThread();
    private final DeployFolder folder;
    private final Suspensions suspensions;
    private final DeployerParts parts;
    private final Switchover switchover;
    private final Withdrawal withdrawal;
    private final JarIntake intake;
    private final SetLink setLink;
    /** Set on the deployer thread once the start's adoption and reconcile are done. */
    private volatile boolean started;
    /** Compiles the rules of a candidate's descriptors; absent when the centre runs without the rules bundle. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Rules rules;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Metrics metrics;

    @Activate
    public BundleDeployer(BundleContext context, DeployConfig config, @Reference AuditLog audit, @Reference ApplicationStore applications,
            @Reference CatalogueService catalogue, @Reference ServiceComponentRuntime scr, @Reference BundleSet bundleSet,
            @Reference Signals signals, @Reference NodeName node, @Reference BundleApprovals approvals,
            @Reference BundleQuarantine quarantined, @Reference AgencyOwners owners) throws IOException {
        this.context = context;
        this.audit = audit;
        Path home = Path.of(context.getProperty("khidmat.home") == null ? "." : context.getProperty("khidmat.home"));
        this.deployDir = Files.createDirectories(home.resolve("deploy"));
        Path archiveDir = Files.createDirectories(home.resolve("data").resolve("deployer"));
        Path agencies = home.resolve("conf").resolve("agencies");
        AgencyClaims claims = new AgencyClaims(owners, agencies);
        this.steps = new BundleSteps(context, Limits.from(Integer.toString(config.startTimeoutSeconds())), new ComponentCheck(scr));
        if (config.requireSigned()) {
            LOG.info("bundle signing is required: agency certificates are read from {}", agencies);
        }
        new FilesIntoDatabase(archiveDir, approvals, quarantined, owners).run(jarCheck); // once, after an upgrade
        Quarantine quarantine = new Quarantine(quarantined);
        this.approvals = new Approvals(approvals, archiveDir);
        this.folder = new DeployFolder(deployDir, this, config.watchDeployFolder());
        this.suspensions = new Suspensions(context, installed, steps, folder, catalogue, audit);
        SetRecord record = new SetRecord(bundleSet, node.get());
        // counts each verdict and its time (khidmat_deploys_total, khidmat_deploy_duration_seconds)
        this.parts = new DeployerParts(context, audit, catalogue, steps, folder, new DeployState(archiveDir), installed,
                archiveDir, record, this.approvals, new DeployMeter(() -> metrics));
        this.switchover = new Switchover(parts, claims, thread);
        this.withdrawal = new Withdrawal(parts, suspensions);
        this.intake = new JarIntake(parts, new JarIntake.Checks(jarCheck, new SignatureCheck(agencies), config.requireSigned(),
                quarantine, new Admission(context, applications, claims, () -> rules)), switchover, suspensions);
        this.setLink = new SetLink(signals, record, new SetReconcile(bundleSet, new SetJars(bundleSet, archiveDir),
                record, new SetSteps(this)), thread);
        if (!folder.watching()) {
            LOG.info("node {} does not watch {}: it takes its bundles from the bundle set", node.get(), deployDir);
        }
        thread.execute(new Adoption(parts, jarCheck, quarantine, withdrawal, deployDir)::run);
        setLink.start(); // before the node says ready: a node that was down catches up here
        thread.execute(this::startFolder);
    }

    private void startFolder() {
        started = true;
        if (folder.watching()) {
            try {
                folder.start();
            } catch (IOException e) {
                LOG.error("cannot watch {}: {}; jars copied there are not deployed", deployDir, e.toString());
            }
        }
    }

    @Deactivate
    void deactivate() {
        setLink.close();
        folder.close();
        switchover.close();
        thread.close();
        steps.close();
    }

    @Override
    public boolean ready() {
        return started && (!folder.watching() || folder.ready());
    }

    @Override
    public DeployResult deploy(Path jar, String actor) {
        return thread.call(() -> deployNow(jar, actor, null, null));
    }

    @Override
    public DeployResult deployFor(Path jar, String actor, String agency) {
        return thread.call(() -> deployNow(jar, actor, null, agency));
    }

    @Override
    public CompletionStage<DeployResult> deployLater(Path jar, String actor, String agency) {
        return thread.later(() -> deployNow(jar, actor, null, agency));
    }

    @Override
    public List<PendingBundle> pending() {
        return approvals.list(jarCheck);
    }

    @Override
    public DeployResult approve(String sha256, String actor) {
        return thread.call(() -> {
            var waiting = approvals.take(sha256, actor); // approved on every node from here
            if (waiting.isEmpty()) {
                return notWaiting(sha256);
            }
            var w = waiting.get();
            audit.append(actor, "bundle.approve", sha256, "uploaded by " + w.uploadedBy() + " for agency " + w.agency());
            DeployResult r = deployNow(w.jar(), actor + " (approved; uploaded by " + w.uploadedBy() + ")", null, w.agency());
            approvals.forget(sha256);
            return r;
        });
    }

    @Override
    public DeployResult reject(String sha256, String actor, String reason) {
        return thread.call(() -> {
            if (!approvals.reject(sha256)) {
                return notWaiting(sha256);
            }
            audit.append(actor, "bundle.reject", sha256, reason == null ? "" : reason);
            return new DeployResult(true, null, null, List.of(), "rejected the jar " + sha256.substring(0, 12), 0);
        });
    }

    private static DeployResult notWaiting(String sha256) {
        return new DeployResult(false, null, null, List.of(), "no jar with hash " + Claimed.safe(String.valueOf(sha256))
                + " waits for approval", 0, Status.NOT_FOUND);
    }

    @Override
    public DeployResult rollback(String symbolicName, String actor) {
        return thread.call(() -> rollbackNow(symbolicName, actor));
    }

    @Override
    public DeployResult withdraw(String symbolicName, String actor) {
        return withdraw(symbolicName, actor, false);
    }

    @Override
    public DeployResult withdraw(String symbolicName, String actor, boolean withDependents) {
        return thread.call(() -> withdrawNow(symbolicName, actor, true, withDependents ? Removal.WITH_DEPENDENTS : Removal.ASKED));
    }

    @Override
    public List<DeployedBundle> bundles() {
        List<DeployedBundle> out = new ArrayList<>();
        for (Installed i : installed.values()) {
            Bundle b = context.getBundle(i.bundleId());
            String st = suspensions.contains(i.candidate().symbolicName()) ? "SUSPENDED"
                    : b == null ? "UNINSTALLED" : state(b.getState());
            out.add(new DeployedBundle(i.candidate().symbolicName(), i.candidate().version().toString(), st,
                    i.candidate().agency(), i.candidate().serviceIds(), i.candidate().sha256(),
                    i.by(), i.at(), i.previous() == null ? null : i.previous().candidate().version().toString()));
        }
        out.sort(Comparator.comparing(DeployedBundle::symbolicName));
        return out;
    }

    /** Called by the deploy folder for a complete file that arrived in deploy/. */
    void fileArrived(String fileName) {
        thread.execute(() -> {
            DeployResult r = deployNow(deployDir.resolve(fileName), "deploy-folder", fileName, null);
            folder.mark(fileName, r.ok() ? null : r.message());
        });
    }

    /** Called by the deploy folder when a file left deploy/: withdraws the bundle it stood for. */
    void fileRemoved(String fileName) {
        thread.execute(() -> {
            folder.mark(fileName, null);
            DeployPlan.standingFor(installed.values(), fileName)
                    .ifPresent(i -> withdrawNow(i.candidate().symbolicName(), "deploy-folder", false, Removal.FILE_GONE));
        });
    }

    /** Runs a task on the deployer thread after everything queued before it. */
    void runOnThread(Runnable task) {
        thread.execute(task);
    }

    DeployResult deployNow(Path jar, String actor, String sourceFile, String agencyScope) {
        return intake.deploy(jar, actor, sourceFile, agencyScope);
    }

    DeployResult rollbackNow(String symbolicName, String actor) {
        return parts.meter().deployer("rollback", () -> switchover.rollback(symbolicName, actor));
    }

    DeployResult withdrawNow(String symbolicName, String actor, boolean removeFile, Removal how) {
        return withdrawal.withdraw(symbolicName, actor, removeFile, how);
    }

    /** The bundles committed on this node, by symbolic name (for {@link SetSteps}: read on the deployer thread). */
    Map<String, Installed> installed() {
        return Collections.unmodifiableMap(installed);
    }

    /** Writes every running bundle into a bundle set never written (a one-node centre's first start with it). */
    void seedSet() {
        installed.values().forEach(i -> parts.record().committed(i, approvals.isApproved(i.candidate().sha256())));
    }
}
