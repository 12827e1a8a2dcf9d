package org.khidmat.core.internal.deploy;

import static org.khidmat.core.internal.deploy.Words.millis;
import static org.khidmat.core.internal.deploy.Words.result;
import static org.khidmat.core.internal.deploy.Words.state;
import static org.khidmat.core.internal.deploy.Words.threads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.khidmat.api.store.ApplicationStore;
import org.khidmat.api.store.AuditLog;
import org.khidmat.core.internal.words.CoreWords;
import org.khidmat.api.store.AgencyOwners;
import org.khidmat.api.store.BundleApprovals;
import org.khidmat.api.store.BundleQuarantine;
import org.khidmat.api.store.BundleSet;
import org.khidmat.api.store.Signals;
import org.khidmat.core.internal.config.NodeName;
import org.khidmat.api.platform.DeployResult;
import org.khidmat.api.platform.DeployResult.Status;
import org.khidmat.api.platform.DeployedBundle;
import org.khidmat.api.platform.Deployer;
import org.khidmat.api.platform.Metrics;
import org.khidmat.api.platform.PendingBundle;
import org.khidmat.core.internal.catalogue.Admit;
import org.khidmat.core.internal.catalogue.CatalogueService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployer: one thread, every lifecycle step in order, and the centre serving throughout. A new version is
 * installed beside the one serving, started and verified, and only then takes over the catalogue in one step;
 * the old one is retired after in-flight requests drained. Nothing reaches citizens before it is committed. Jars
 * arrive through {@link Deployer} calls and through the deploy folder; the folder is what the centre deploys at
 * start, so whatever is deployed through the API is also written there.
 */
@Component(service = Deployer.class, immediate = true, configurationPid = DeployConfig.PID)
@Designate(ocd = DeployConfig.class)
public final class BundleDeployer implements Deployer {
    static final String LOCATION_PREFIX = "khidmat-deploy:";
    /** How long an old version keeps its services after its successor took over, for requests in flight. */
    private static final long DRAIN_MS = 1_000;
    /** Deploys waiting for the deployer thread beyond which an upload is told to come back later. */
    private static final int MAX_QUEUED = 16;
    private static final Logger LOG = LoggerFactory.getLogger(BundleDeployer.class);

    private final BundleContext context;
    private final AuditLog audit;
    private final CatalogueService catalogue;
    private final Path deployDir;
    private final Path archiveDir;
    private final JarCheck jarCheck = new JarCheck(Limits.DEFAULT);
    private final Admission admission;
    private final BundleSteps steps;
    private final SignatureCheck signatures;
    private final boolean requireSigned;
    private final Quarantine quarantine;
    private final Approvals approvals;
    private final Map<String, Installed> installed = new ConcurrentHashMap<>();
    private final AtomicLong incoming = new AtomicLong();
    private final AtomicInteger queued = new AtomicInteger();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "khidmat-deployer"));
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "khidmat-deployer-drain");
        t.setDaemon(true);
        return t;
    });
    private final DeployFolder folder;
    private final DeployState state;
    private final Suspensions suspensions;
    private final AgencyClaims claims;
    /** Where every accepted change is written for the other nodes, and this node's outcomes. */
    private final SetRecord record;
    private final SetLink setLink;
    /** Set on the deployer thread once the start's adoption and reconcile are done. */
    private volatile boolean started;
    /** Compiles the rules of a candidate's descriptors; absent when the centre runs without the rules bundle. */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile org.khidmat.api.platform.Rules rules;
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile Metrics metrics;
    /** Counts each verdict and its time ({@code khidmat_deploys_total}, {@code khidmat_deploy_duration_seconds}). */
    private final DeployMeter meter = new DeployMeter(() -> metrics);

    @Activate
    public BundleDeployer(BundleContext context, DeployConfig config, @Reference AuditLog audit, @Reference ApplicationStore applications,
            @Reference CatalogueService catalogue, @Reference ServiceComponentRuntime scr, @Reference BundleSet bundleSet,
            @Reference Signals signals, @Reference NodeName node, @Reference BundleApprovals approvals,
            @Reference BundleQuarantine quarantined, @Reference AgencyOwners owners) throws IOException {
        this.context = context;
        this.audit = audit;
        this.catalogue = catalogue;
        Path home = Path.of(context.getProperty("khidmat.home") == null ? "." : context.getProperty("khidmat.home"));
        this.deployDir = Files.createDirectories(home.resolve("deploy"));
        this.archiveDir = Files.createDirectories(home.resolve("data").resolve("deployer"));
        Limits limits = Limits.from(Integer.toString(config.startTimeoutSeconds()));
        this.claims = new AgencyClaims(owners, home.resolve("conf").resolve("agencies"));
        this.admission = new Admission(context, applications, claims, () -> rules);
        this.steps = new BundleSteps(context, limits, new ComponentCheck(scr));
        this.signatures = new SignatureCheck(home.resolve("conf").resolve("agencies"));
        this.requireSigned = config.requireSigned();
        if (requireSigned) {
            LOG.info("bundle signing is required: agency certificates are read from {}", home.resolve("conf/agencies"));
        }
        this.state = new DeployState(archiveDir);
        new FilesIntoDatabase(archiveDir, approvals, quarantined, owners).run(jarCheck); // once, after an upgrade
        this.quarantine = new Quarantine(quarantined);
        this.approvals = new Approvals(approvals, archiveDir);
        this.folder = new DeployFolder(deployDir, this, config.watchDeployFolder());
        this.suspensions = new Suspensions(context, installed, steps, folder, catalogue, audit);
        this.record = new SetRecord(bundleSet, node.get());
        this.setLink = new SetLink(signals, record, new SetReconcile(bundleSet, new SetJars(bundleSet, archiveDir),
                record, new SetSteps(this)), thread);
        if (!folder.watching()) {
            LOG.info("node {} does not watch {}: it takes its bundles from the bundle set", node.get(), deployDir);
        }
        thread.execute(this::adopt);
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

    /**
     * Takes over the agency bundles the framework restored from its cache, as the deployer committed them: it
     * starts each (the cache starts none by itself), verifies it and lists it; whatever it cannot vouch for (no
     * record, no archived jar, a jar that no longer checks) is uninstalled and left to the deploy folder.
     */
    private void adopt() {
        Map<String, DeployState.Entry> remembered = state.load();
        long t0 = System.nanoTime();
        ArchivedJars.Checked archivedJars = ArchivedJars.check(remembered, archiveDir, jarCheck);
        Map<String, Candidate> checked = archivedJars.passed();
        Map<String, String> unchecked = archivedJars.refused();
        LOG.debug("checked {} archived jars in {} ms", remembered.size(), millis(t0));
        awaitFrameworkStarted();
        // a bundle at the exact recorded location first: an older version left beside it is the one removed
        List<Bundle> cached = new ArrayList<>(List.of(context.getBundles()));
        cached.sort(Comparator.comparing((Bundle b) -> !exactLocation(b, remembered)));
        // resolved in one pass of the resolver rather than one pass a bundle as each starts
        steps.resolveAll(cached.stream().filter(b -> b.getState() == Bundle.INSTALLED && exactLocation(b, remembered)
                && checked.containsKey(symbolicNameOf(b.getLocation()))
                && quarantine.reason(checked.get(symbolicNameOf(b.getLocation())).sha256()).isEmpty()).toList());
        List<Admit> batch = new ArrayList<>();
        for (Bundle b : cached) {
            String location = b.getLocation();
            if (!location.startsWith(LOCATION_PREFIX)) {
                continue;
            }
            String bsn = symbolicNameOf(location);
            DeployState.Entry e = remembered.get(bsn);
            Path archived = e == null ? null : archiveDir.resolve(bsn).resolve(e.archivedJar());
            try {
                Candidate c = checked.get(bsn);
                if (c == null) {
                    throw new Refusal(unchecked.getOrDefault(bsn, "no record of how it was deployed"));
                }
                if (installed.containsKey(bsn) || !c.version().equals(b.getVersion())) {
                    throw new Refusal("the cached bundle is not the recorded " + c.label());
                }
                if (quarantine.reason(c.sha256()).isPresent()) {
                    throw new Refusal("it is quarantined");
                }
                if (b.getState() != Bundle.ACTIVE) {
                    steps.startAndVerify(b, c);
                }
                installed.put(bsn, new Installed(b.getBundleId(), c, archived, e.sourceFile(), e.by(), e.at(), null));
                batch.add(new Admit(b, null, c.descriptors()));
                LOG.debug("adopted {} from the framework cache", c.label());
            } catch (Refusal r) {
                LOG.info("{} from the framework cache is deployed afresh: {}", bsn, r.getMessage());
                steps.remove(b);
            }
        }
        catalogue.adopt(batch); // the catalogue and its prepared answers change once for all of them
        LOG.debug("adopted {} bundles from the framework cache in {} ms", batch.size(), millis(t0));
        for (Installed i : folder.watching() ? List.copyOf(installed.values()) : List.<Installed>of()) {
            if (i.sourceFile() == null || !Files.isRegularFile(deployDir.resolve(i.sourceFile()))) {
                withdrawNow(i.candidate().symbolicName(), "deploy-folder", false, Removal.FILE_GONE); // left while down
            }
        }
        state.save(installed);
    }

    @Deactivate
    void deactivate() {
        setLink.close();
        folder.close();
        later.shutdownNow();
        thread.shutdownNow();
        steps.close();
    }

    @Override
    public boolean ready() {
        return started && (!folder.watching() || folder.ready());
    }

    @Override
    public DeployResult deploy(Path jar, String actor) {
        return onThread(() -> deployNow(jar, actor, null, null));
    }

    @Override
    public DeployResult deployFor(Path jar, String actor, String agency) {
        return onThread(() -> deployNow(jar, actor, null, agency));
    }

    @Override
    public CompletionStage<DeployResult> deployLater(Path jar, String actor, String agency) {
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            return CompletableFuture.completedFuture(new DeployResult(false, null, null, List.of(),
                    "the deployer has " + MAX_QUEUED + " jars waiting already; try again in a minute", 0, Status.BUSY));
        }
        CompletableFuture<DeployResult> verdict = new CompletableFuture<>();
        thread.execute(() -> {
            queued.decrementAndGet();
            try {
                verdict.complete(deployNow(jar, actor, null, agency));
            } catch (RuntimeException e) {
                LOG.error("deployer step failed unexpectedly", e);
                verdict.complete(new DeployResult(false, null, null, List.of(), "the deployer failed: " + e, 0));
            }
        });
        return verdict;
    }

    @Override
    public List<PendingBundle> pending() {
        return approvals.list(jarCheck);
    }

    @Override
    public DeployResult approve(String sha256, String actor) {
        return onThread(() -> {
            var waiting = approvals.take(sha256, actor); // approved on every node from here
            if (waiting.isEmpty()) {
                return new DeployResult(false, null, null, List.of(), "no jar with hash " + Claimed.safe(String.valueOf(sha256))
                        + " waits for approval", 0, Status.NOT_FOUND);
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
        return onThread(() -> {
            if (!approvals.reject(sha256)) {
                return new DeployResult(false, null, null, List.of(), "no jar with hash " + Claimed.safe(String.valueOf(sha256))
                        + " waits for approval", 0, Status.NOT_FOUND);
            }
            audit.append(actor, "bundle.reject", sha256, reason == null ? "" : reason);
            return new DeployResult(true, null, null, List.of(), "rejected the jar " + sha256.substring(0, 12), 0);
        });
    }

    @Override
    public DeployResult rollback(String symbolicName, String actor) {
        return onThread(() -> rollbackNow(symbolicName, actor));
    }

    @Override
    public DeployResult withdraw(String symbolicName, String actor) {
        return withdraw(symbolicName, actor, false);
    }

    @Override
    public DeployResult withdraw(String symbolicName, String actor, boolean withDependents) {
        return onThread(() -> withdrawNow(symbolicName, actor, true, withDependents ? Removal.WITH_DEPENDENTS : Removal.ASKED));
    }

    @Override
    public List<DeployedBundle> bundles() {
        List<DeployedBundle> out = new ArrayList<>();
        for (Installed i : installed.values()) {
            Bundle b = context.getBundle(i.bundleId());
            String st = suspensions.contains(i.candidate().symbolicName()) ? "SUSPENDED"
                    : b == null ? "UNINSTALLED" : state(b.getState());
            out.add(new DeployedBundle(i.candidate().symbolicName(), i.candidate().version().toString(), st,
                    agencyOf(i.candidate()), i.candidate().serviceIds(), i.candidate().sha256(),
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
            installed.values().stream().filter(i -> fileName.equals(i.sourceFile())).findFirst()
                    .ifPresent(i -> withdrawNow(i.candidate().symbolicName(), "deploy-folder", false, Removal.FILE_GONE));
        });
    }

    /** Runs a task on the deployer thread after everything queued before it. */
    void runOnThread(Runnable task) {
        thread.execute(task);
    }

    private DeployResult onThread(Callable<DeployResult> step) {
        try {
            return thread.submit(step).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeployResult(false, null, null, List.of(), "interrupted while waiting for the deployer", 0);
        } catch (ExecutionException e) {
            LOG.error("deployer step failed unexpectedly", e.getCause());
            return new DeployResult(false, null, null, List.of(), "the deployer failed: " + e.getCause(), 0);
        }
    }

    DeployResult deployNow(Path jar, String actor, String sourceFile, String agencyScope) {
        return meter.deployer("deploy", () -> deployNowJudged(jar, actor, sourceFile, agencyScope));
    }

    private DeployResult deployNowJudged(Path jar, String actor, String sourceFile, String agencyScope) {
        long t0 = System.nanoTime();
        Path copy = archiveDir.resolve("incoming-" + incoming.incrementAndGet() + ".jar");
        Candidate c = null;
        try {
            DeployResult same = alreadyDeployed(jar, sourceFile, t0);
            if (same != null) {
                return same;
            }
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            String sha = JarCheck.sha256(copy);
            var misbehaved = quarantine.reason(sha);
            if (misbehaved.isPresent()) {
                throw Refusal.of("refusal.quarantined", misbehaved.get());
            }
            c = jarCheck.check(copy);
            if (requireSigned) {
                signatures.check(copy, c);
            }
            Installed current = installed.get(c.symbolicName());
            if (agencyScope != null) {
                Admission.ownAgency(c, current, agencyScope); // first: another agency's jar hears only that
            }
            admission.check(c, current, installed.values());
            LOG.debug("{}: admissible in {} ms", c.label(), millis(t0));
            if (agencyScope != null && Approvals.hasCode(copy) && !approvals.isApproved(c.sha256())) {
                return park(copy, c, actor, agencyScope, t0);
            }
            Path archived = Files.createDirectories(archiveDir.resolve(c.symbolicName()))
                    .resolve(c.version() + "-" + c.sha256().substring(0, 12) + ".jar");
            Files.move(copy, archived, StandardCopyOption.REPLACE_EXISTING);
            Installed next = new Installed(-1, c.withJar(archived), archived, sourceFile, actor, Instant.now(),
                    History.trim(current));
            try {
                DeployResult r = current == null ? installNew(next, t0) : replace(current, next, t0, "update");
                suspensions.resume();
                return r;
            } finally {
                History.prune(archiveDir.resolve(c.symbolicName()), installed.get(c.symbolicName()));
            }
        } catch (Misbehaved m) {
            quarantine.add(c.sha256(), c.label(), m.getMessage());
            return refused(c, copy, m.getMessage(), actor, t0);
        } catch (Refusal r) {
            return refused(c, copy, r.getMessage(), actor, t0);
        } catch (IOException e) {
            return refused(c, copy, "the jar could not be read or copied: " + e.getMessage(), actor, t0);
        } finally {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                LOG.debug("could not delete {}", copy, e);
            }
        }
    }

    private DeployResult park(Path copy, Candidate c, String actor, String agency, long t0) throws IOException {
        PendingBundle p = approvals.park(copy, c, agency, actor);
        audit.append(actor, "bundle.pending", c.symbolicName(), c.version() + " sha256=" + c.sha256() + " imports="
                + p.imports() + " components=" + p.components());
        LOG.info("{} carries code and waits for a centre admin's approval", c.label());
        return new DeployResult(false, c.symbolicName(), null, c.serviceIds(), "bundle " + c.label() + " carries code ("
                + p.classes() + " classes" + (p.components().isEmpty() ? "" : ", " + String.join(", ", p.components()))
                + "), so it waits for a centre admin's approval before it is deployed; its hash is " + c.sha256(),
                millis(t0), Status.PENDING_APPROVAL);
    }

    /** @return the one agency whose services the bundle declares, or {@code null} when it declares none */
    static String agencyOf(Candidate c) {
        return c.descriptors().isEmpty() ? null : c.descriptors().get(0).agency().code();
    }

    /** The location a committed jar is installed at: one per archived jar, so two versions can stand side by side. */
    static String location(Candidate c, Path archived) {
        return LOCATION_PREFIX + c.symbolicName() + "/" + archived.getFileName();
    }

    private boolean exactLocation(Bundle b, Map<String, DeployState.Entry> remembered) {
        String location = b.getLocation();
        if (!location.startsWith(LOCATION_PREFIX)) {
            return false;
        }
        DeployState.Entry e = remembered.get(symbolicNameOf(location));
        return e != null && location.endsWith("/" + e.archivedJar());
    }

    static String symbolicNameOf(String location) {
        String rest = location.substring(LOCATION_PREFIX.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /**
     * While the framework is still starting, it starts the bundles of its cache itself, and a start asked for
     * now would only be noted for later: so the deployer begins once the framework is up.
     */
    private void awaitFrameworkStarted() {
        Bundle framework = context.getBundle(0);
        long deadline = System.nanoTime() + Limits.DEFAULT.startTimeout().toNanos() * 6;
        while (framework.getState() != Bundle.ACTIVE && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The verdict for a jar whose bytes are those of a deployed bundle, or {@code null} for any other jar. */
    private DeployResult alreadyDeployed(Path jar, String sourceFile, long t0) throws IOException {
        if (installed.isEmpty()) {
            return null;
        }
        String sha = JarCheck.sha256(jar);
        for (Installed i : installed.values()) {
            if (i.candidate().sha256().equals(sha)) {
                Installed kept = sourceFile == null ? i : i.withSource(sourceFile);
                installed.put(i.candidate().symbolicName(), kept);
                if (kept != i) {
                    state.save(installed);
                }
                return result(true, i.candidate(), "bundle " + i.candidate().label() + " is already deployed; nothing to do", t0);
            }
        }
        return null;
    }

    private DeployResult installNew(Installed next, long t0) throws Refusal {
        Candidate c = next.candidate();
        Bundle bundle = steps.install(location(c, next.archived()), next);
        try {
            steps.startAndVerify(bundle, c);
        } catch (Refusal r) {
            removeAfter(bundle, r);
            throw r;
        }
        commit(next, null, bundle);
        audit.append(next.by(), "bundle.deploy", c.symbolicName(), c.version() + " sha256=" + c.sha256() + " services=" + c.serviceIds());
        LOG.info("deployed {} serving {} in {} ms", c.label(), c.serviceIds(), millis(t0));
        return result(true, c, "deployed " + c.label() + " serving " + c.serviceIds(), t0);
    }

    /**
     * Installs the new version beside the serving one, starts and verifies it, switches the catalogue to it in
     * one step, and retires the old one once requests in flight drained. A failure leaves the old one serving,
     * untouched. A singleton bundle cannot stand beside itself: it is updated in place.
     */
    private DeployResult replace(Installed current, Installed next, long t0, String verb) throws Refusal {
        Candidate c = next.candidate();
        Bundle old = context.getBundle(current.bundleId());
        if (old == null || InPlace.needed(old, next.archived())) {
            return InPlace.update(this, steps, old, current, next, t0, verb);
        }
        long threadsBefore = Leaks.lastThreadId();
        Bundle bundle = steps.install(location(c, next.archived()), next);
        try {
            steps.startAndVerify(bundle, c);
        } catch (Refusal r) {
            removeAfter(bundle, r);
            String kept = CoreWords.REFUSALS.en("refusal.kept.throughout", current.candidate().label());
            throw r instanceof Misbehaved ? new Misbehaved(r.getMessage() + kept, r) : new Refusal(r.getMessage() + kept, r);
        }
        commit(next, current, bundle);
        later.schedule(() -> thread.execute(() -> retire(old, current, threadsBefore)), DRAIN_MS, TimeUnit.MILLISECONDS);
        return committedReplace(current, next, t0, verb);
    }

    private void removeAfter(Bundle bundle, Refusal why) {
        if (why instanceof Misbehaved) {
            steps.removeLater(bundle);
        } else {
            steps.remove(bundle);
        }
    }

    DeployResult committedReplace(Installed current, Installed next, long t0, String verb) {
        Candidate c = next.candidate();
        audit.append(next.by(), "bundle." + verb, c.symbolicName(), current.candidate().version() + " -> " + c.version()
                + " sha256=" + c.sha256() + " services=" + c.serviceIds());
        LOG.info("{}: {} -> {} in {} ms", verb, current.candidate().label(), c.version(), millis(t0));
        return result(true, c, ("rollback".equals(verb) ? "rolled back " : "updated ") + current.candidate().label()
                + " to " + c.version() + " serving " + c.serviceIds(), t0);
    }

    /** Removes a version its successor replaced, and says so when it left threads running. */
    private void retire(Bundle old, Installed was, long threadsBefore) {
        Installed now = installed.get(was.candidate().symbolicName());
        if (now != null && now.bundleId() == old.getBundleId()) {
            return; // a rollback within the drain time went back to this very bundle: it serves again
        }
        catalogue.dismiss(old);
        steps.remove(old);
        List<String> left = Leaks.running(Leaks.classNames(was.archived()), threadsBefore);
        if (!left.isEmpty()) {
            LOG.warn("{} left {} running after it was replaced: {}", was.candidate().label(), threads(left.size()), left);
            audit.append("system", "bundle.leak", was.candidate().symbolicName(), was.candidate().version() + " left "
                    + threads(left.size()) + " running: " + left);
        }
    }

    void commit(Installed next, Installed replaced, Bundle bundle) {
        String file = folder.stand(next, replaced);
        installed.put(next.candidate().symbolicName(), new Installed(bundle.getBundleId(), next.candidate(),
                next.archived(), file, next.by(), next.at(), next.previous()));
        claims.claim(next.candidate());
        catalogue.admitAll(List.of(new Admit(bundle, replaced == null || replaced.bundleId() == bundle.getBundleId() ? null
                : context.getBundle(replaced.bundleId()), next.candidate().descriptors())));
        state.save(installed);
        // after this node lists it, so the database write does not delay it here: every other node takes it from the set
        record.committed(installed.get(next.candidate().symbolicName()), approvals.isApproved(next.candidate().sha256()));
    }

    DeployResult rollbackNow(String symbolicName, String actor) {
        return meter.deployer("rollback", () -> rollbackNowJudged(symbolicName, actor));
    }

    private DeployResult rollbackNowJudged(String symbolicName, String actor) {
        long t0 = System.nanoTime();
        Installed current = installed.get(symbolicName);
        if (current == null) {
            return new DeployResult(false, symbolicName, null, List.of(), "no bundle " + symbolicName + " is deployed",
                    millis(t0), Status.NOT_FOUND);
        }
        Installed back = current.previous();
        if (back == null) {
            return new DeployResult(false, symbolicName, current.candidate().version().toString(),
                    current.candidate().serviceIds(), "bundle " + current.candidate().label()
                            + " has no earlier version to roll back to", millis(t0));
        }
        Installed next = new Installed(-1, back.candidate(), back.archived(), null, actor, Instant.now(), back.previous());
        try {
            return replace(current, next, t0, "rollback");
        } catch (Refusal r) {
            return refused(back.candidate(), null, r.getMessage(), actor, t0);
        }
    }

    /** The bundles committed on this node, by symbolic name (for {@link SetSteps}: read on the deployer thread). */
    Map<String, Installed> installed() {
        return java.util.Collections.unmodifiableMap(installed);
    }

    /** Writes every running bundle into a bundle set never written (a one-node centre's first start with it). */
    void seedSet() {
        installed.values().forEach(i -> record.committed(i, approvals.isApproved(i.candidate().sha256())));
    }

    DeployResult withdrawNow(String symbolicName, String actor, boolean removeFile, Removal how) {
        return meter.deployer("withdraw", () -> withdrawNowJudged(symbolicName, actor, removeFile, how));
    }

    private DeployResult withdrawNowJudged(String symbolicName, String actor, boolean removeFile, Removal how) {
        long t0 = System.nanoTime();
        Installed current = installed.get(symbolicName);
        if (current == null) {
            return new DeployResult(false, symbolicName, null, List.of(), "no bundle " + symbolicName + " is deployed",
                    millis(t0), Status.NOT_FOUND);
        }
        Bundle bundle = context.getBundle(current.bundleId());
        List<String> dependents = Dependents.of(bundle, installed);
        if (!dependents.isEmpty() && how == Removal.ASKED) {
            return new DeployResult(false, symbolicName, current.candidate().version().toString(),
                    current.candidate().serviceIds(), "bundle " + current.candidate().label() + " is imported by "
                    + String.join(", ", dependents) + ", which would stop serving; withdraw them first, or withdraw "
                    + symbolicName + " with its dependents", millis(t0), Status.CONFLICT);
        }
        if (how == Removal.WITH_DEPENDENTS) {
            for (String d : dependents) {
                withdrawNow(d, actor, true, Removal.WITH_DEPENDENTS);
            }
        }
        installed.remove(symbolicName);
        suspensions.forget(symbolicName);
        List<String> left = List.of();
        if (bundle != null) {
            catalogue.dismiss(bundle);
            steps.remove(bundle);
            left = Leaks.running(Leaks.classNames(current.archived()), Long.MAX_VALUE);
        }
        if (removeFile) {
            folder.remove(current.sourceFile());
        }
        History.prune(archiveDir.resolve(symbolicName), null);
        state.save(installed);
        if (how != Removal.SET) {
            record.withdrawn(symbolicName);
        }
        String leak = left.isEmpty() ? "" : "; it left " + threads(left.size()) + " running: " + String.join(", ", left);
        audit.append(actor, "bundle.withdraw", symbolicName, current.candidate().version() + " services="
                + current.candidate().serviceIds() + leak);
        if (!left.isEmpty()) {
            LOG.warn("{} was withdrawn but left {} running: {}", current.candidate().label(), threads(left.size()), left);
        }
        LOG.info("withdrew {} in {} ms", current.candidate().label(), millis(t0));
        if (how == Removal.FILE_GONE || how == Removal.SET) {
            suspensions.suspend(dependents, current);
        }
        return new DeployResult(true, symbolicName, null, List.of(), "withdrew " + current.candidate().label()
                + "; its applications stay trackable" + leak, millis(t0));
    }

    private DeployResult refused(Candidate c, Path copy, String reason, String actor, long t0) {
        String claimed = c != null ? c.symbolicName() : copy == null ? null : Claimed.symbolicName(copy);
        audit.append(actor, "bundle.refuse", claimed == null ? "(unreadable jar)" : claimed, reason);
        LOG.warn("refused {}: {}", c != null ? c.label() : claimed == null ? "a jar" : claimed, reason);
        Installed current = claimed == null ? null : installed.get(claimed);
        return new DeployResult(false, claimed, current == null ? null : current.candidate().version().toString(),
                current == null ? List.of() : current.candidate().serviceIds(), reason, millis(t0));
    }
}
