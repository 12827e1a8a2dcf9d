package org.khidmat.core.internal.deploy;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.khidmat.api.descriptor.DescriptorException;
import org.khidmat.api.descriptor.Descriptors;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.ApplicationStore;
import org.khidmat.api.platform.AuditLog;
import org.khidmat.api.platform.DeployResult;
import org.khidmat.api.platform.DeployedBundle;
import org.khidmat.api.platform.Deployer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployer: one thread, every lifecycle step in order, rollback on any failure. Jars arrive through
 * {@link Deployer} calls and through the deploy folder; the folder is what the centre deploys at start,
 * so whatever is deployed through the API is also written there.
 */
@Component(service = Deployer.class, immediate = true)
public final class BundleDeployer implements Deployer {
    static final String LOCATION_PREFIX = "khidmat-deploy:";
    private static final Logger LOG = LoggerFactory.getLogger(BundleDeployer.class);

    private final BundleContext context;
    private final AuditLog audit;
    private final ApplicationStore applications;
    private final Path deployDir;
    private final Path archiveDir;
    private final JarCheck jarCheck = new JarCheck(Limits.DEFAULT);
    private final ImportCheck importCheck;
    private final BundleSteps steps;
    private final SignatureCheck signatures;
    private final boolean requireSigned;
    private final Map<String, Installed> installed = new ConcurrentHashMap<>();
    private final AtomicLong incoming = new AtomicLong();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "khidmat-deployer"));
    private final DeployFolder folder;
    private final DeployState state;
    /** Compiles the rules of a candidate's descriptors; absent when the centre runs without the rules bundle. */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile org.khidmat.api.platform.Rules rules;

    @Activate
    public BundleDeployer(BundleContext context, @Reference AuditLog audit, @Reference ApplicationStore applications)
            throws IOException {
        this.context = context;
        this.audit = audit;
        this.applications = applications;
        Path home = Path.of(context.getProperty("khidmat.home") == null ? "." : context.getProperty("khidmat.home"));
        this.deployDir = Files.createDirectories(home.resolve("deploy"));
        this.archiveDir = Files.createDirectories(home.resolve("data").resolve("deployer"));
        this.importCheck = new ImportCheck(context);
        this.steps = new BundleSteps(context, Limits.DEFAULT);
        this.signatures = new SignatureCheck(home.resolve("conf").resolve("agencies"));
        this.requireSigned = Boolean.parseBoolean(context.getProperty("khidmat.deploy.requireSigned"));
        if (requireSigned) {
            LOG.info("bundle signing is required: agency certificates are read from {}", home.resolve("conf/agencies"));
        }
        this.state = new DeployState(archiveDir);
        this.folder = new DeployFolder(deployDir, this);
        thread.execute(this::adopt);
        folder.start();
    }

    /**
     * Takes over the agency bundles the framework restored from its cache, as the deployer committed them;
     * whatever it cannot vouch for (no record, no archived jar, a jar that no longer checks) is uninstalled
     * and left to the deploy folder to deploy again.
     */
    private void adopt() {
        Map<String, DeployState.Entry> remembered = state.load();
        // the archived jars are checked while the framework still starts the bundles of its cache
        Map<String, Candidate> checked = new java.util.HashMap<>();
        Map<String, String> unchecked = new java.util.HashMap<>();
        remembered.forEach((bsn, e) -> {
            Path archived = archiveDir.resolve(bsn).resolve(e.archivedJar());
            try {
                if (!Files.isRegularFile(archived)) {
                    throw new Refusal("its archived jar " + e.archivedJar() + " is gone");
                }
                checked.put(bsn, jarCheck.check(archived));
            } catch (Refusal r) {
                unchecked.put(bsn, r.getMessage());
            }
        });
        awaitFrameworkStarted();
        for (Bundle b : context.getBundles()) {
            if (!b.getLocation().startsWith(LOCATION_PREFIX)) {
                continue;
            }
            String bsn = b.getLocation().substring(LOCATION_PREFIX.length());
            DeployState.Entry e = remembered.get(bsn);
            Path archived = e == null ? null : archiveDir.resolve(bsn).resolve(e.archivedJar());
            try {
                Candidate c = checked.get(bsn);
                if (c == null) {
                    throw new Refusal(unchecked.getOrDefault(bsn, "no record of how it was deployed"));
                }
                if (!c.symbolicName().equals(bsn) || !c.version().equals(b.getVersion())) {
                    throw new Refusal("the cached bundle is not the recorded " + c.label());
                }
                if (b.getState() != Bundle.ACTIVE) {
                    steps.startAndVerify(b, c);
                }
                installed.put(bsn, new Installed(b.getBundleId(), c, archived, e.sourceFile(), e.by(), e.at(), null));
                LOG.debug("adopted {} from the framework cache", c.label());
            } catch (Refusal r) {
                LOG.info("{} from the framework cache is deployed afresh: {}", bsn, r.getMessage());
                steps.stopQuietly(b);
                steps.uninstall(b);
            }
        }
        for (Installed i : List.copyOf(installed.values())) {
            if (i.sourceFile() == null || !Files.isRegularFile(deployDir.resolve(i.sourceFile()))) {
                withdrawNow(i.candidate().symbolicName(), "deploy-folder", false); // its jar left while the centre was down
            }
        }
        state.save(installed);
    }

    @Deactivate
    void deactivate() {
        folder.close();
        thread.shutdownNow();
        steps.close();
    }

    @Override
    public boolean ready() {
        return folder.ready();
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
    public DeployResult rollback(String symbolicName, String actor) {
        return onThread(() -> rollbackNow(symbolicName, actor));
    }

    @Override
    public DeployResult withdraw(String symbolicName, String actor) {
        return onThread(() -> withdrawNow(symbolicName, actor, true));
    }

    @Override
    public List<DeployedBundle> bundles() {
        List<DeployedBundle> out = new ArrayList<>();
        for (Installed i : installed.values()) {
            Bundle b = context.getBundle(i.bundleId());
            out.add(new DeployedBundle(i.candidate().symbolicName(), i.candidate().version().toString(),
                    b == null ? "UNINSTALLED" : state(b.getState()), agencyOf(i.candidate()), i.candidate().serviceIds(),
                    i.candidate().sha256(),
                    i.by(), i.at(), i.previous() == null ? null : i.previous().candidate().version().toString()));
        }
        out.sort(Comparator.comparing(DeployedBundle::symbolicName));
        return out;
    }

    /** Called by the deploy folder, on the deployer thread, for a complete file that arrived in deploy/. */
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
                    .ifPresent(i -> withdrawNow(i.candidate().symbolicName(), "deploy-folder", false));
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

    private DeployResult deployNow(Path jar, String actor, String sourceFile, String agencyScope) {
        long t0 = System.nanoTime();
        Path copy = archiveDir.resolve("incoming-" + incoming.incrementAndGet() + ".jar");
        Candidate c = null;
        try {
            DeployResult same = alreadyDeployed(jar, sourceFile, t0);
            if (same != null) {
                return same;
            }
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            c = jarCheck.check(copy);
            if (requireSigned) {
                signatures.check(copy, c);
            }
            LOG.debug("{}: checked in {} ms", c.label(), millis(t0));
            Installed current = installed.get(c.symbolicName());
            if (agencyScope != null) {
                ownAgency(c, current, agencyScope); // first: another agency's jar hears only that
            }
            admissible(c, current);
            LOG.debug("{}: admissible in {} ms", c.label(), millis(t0));
            Path archived = Files.createDirectories(archiveDir.resolve(c.symbolicName()))
                    .resolve(c.version() + "-" + c.sha256().substring(0, 12) + ".jar");
            Files.move(copy, archived, StandardCopyOption.REPLACE_EXISTING);
            Installed next = new Installed(-1, c.withJar(archived), archived, sourceFile, actor, Instant.now(),
                    History.trim(current));
            try {
                return current == null ? installNew(next, t0) : replace(current, next, t0, "update");
            } finally {
                History.prune(archiveDir.resolve(c.symbolicName()), installed.get(c.symbolicName()));
            }
        } catch (Refusal r) {
            return refused(c, r.getMessage(), actor, t0);
        } catch (IOException e) {
            return refused(c, "the jar could not be read or copied: " + e.getMessage(), actor, t0);
        } finally {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                LOG.debug("could not delete {}", copy, e);
            }
        }
    }

    private static void ownAgency(Candidate c, Installed current, String agency) throws Refusal {
        String declared = agencyOf(c);
        if (!agency.equals(declared)) {
            throw new Refusal("bundle " + c.label() + " declares " + (declared == null ? "no services"
                    : "services of agency " + declared) + "; an account of agency " + agency
                    + " may deploy that agency's bundles only");
        }
        if (current != null && !agency.equals(agencyOf(current.candidate()))) {
            throw new Refusal("bundle " + c.symbolicName() + " is deployed for agency " + agencyOf(current.candidate())
                    + "; an account of agency " + agency + " cannot replace it");
        }
    }

    /** @return the one agency whose services the bundle declares, or {@code null} when it declares none */
    static String agencyOf(Candidate c) {
        return c.descriptors().isEmpty() ? null : c.descriptors().get(0).agency().code();
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

    private void admissible(Candidate c, Installed current) throws Refusal {
        List<String> agencies = c.descriptors().stream().map(d -> d.agency().code()).distinct().sorted().toList();
        if (agencies.size() > 1) {
            throw new Refusal("bundle " + c.label() + " declares services of several agencies " + agencies
                    + "; an agency bundle serves its own agency only");
        }
        if (current == null) {
            for (Bundle b : context.getBundles()) {
                if (c.symbolicName().equals(b.getSymbolicName())) {
                    throw new Refusal("bundle " + c.symbolicName() + " is part of the centre itself and cannot be "
                            + "deployed as an agency bundle");
                }
            }
        } else if (c.version().compareTo(current.candidate().version()) < 0) {
            throw new Refusal("bundle " + c.label() + " is older than the deployed " + current.candidate().version()
                    + "; to go back to an earlier version use rollback");
        }
        for (String id : c.serviceIds()) {
            for (Installed other : installed.values()) {
                if (!other.candidate().symbolicName().equals(c.symbolicName()) && other.candidate().serviceIds().contains(id)) {
                    throw new Refusal("bundle " + c.label() + " declares service " + id + ", which bundle "
                            + other.candidate().label() + " already serves; service ids must be unique");
                }
            }
        }
        long t0 = System.nanoTime();
        for (ServiceDescriptor d : c.descriptors()) {
            sameVersionSameContent(c, d);
        }
        LOG.debug("{}: descriptor versions checked in {} ms", c.label(), millis(t0));
        List<String> badRules = org.khidmat.core.internal.applications.RuleCompilation.problems(() -> rules, c.descriptors());
        if (!badRules.isEmpty()) {
            throw new Refusal("bundle " + c.label() + " has invalid service descriptors: " + String.join("; ", badRules));
        }
        importCheck.check(c, current == null ? null : context.getBundle(current.bundleId()));
    }

    /**
     * Applications keep the descriptor version they were filed under, so a changed descriptor must carry a
     * new version: otherwise the text kept for that version and the one served would differ.
     */
    private void sameVersionSameContent(Candidate c, ServiceDescriptor d) throws Refusal {
        String kept = applications.descriptor(d.id(), d.version()).orElse(null);
        if (kept == null) {
            return;
        }
        ServiceDescriptor before;
        try {
            before = Descriptors.parse(new java.io.ByteArrayInputStream(kept.getBytes(java.nio.charset.StandardCharsets.UTF_8)), d.source());
        } catch (DescriptorException | IOException e) {
            return; // kept under rules this centre no longer reads: nothing to compare against
        }
        if (!before.equals(d)) {
            throw new Refusal("bundle " + c.label() + " changes service " + d.id() + " but its descriptor " + d.source()
                    + " still says \"version\": " + d.version() + "; raise the version so that applications filed under "
                    + d.version() + " keep the rules they were filed under");
        }
    }

    private DeployResult installNew(Installed next, long t0) throws Refusal {
        Candidate c = next.candidate();
        Bundle bundle = steps.install(LOCATION_PREFIX + c.symbolicName(), next);
        LOG.debug("{}: installed in {} ms", c.label(), millis(t0));
        try {
            steps.startAndVerify(bundle, c);
        } catch (Refusal r) {
            steps.stopQuietly(bundle);
            steps.uninstall(bundle);
            throw r;
        }
        commit(next, null, bundle);
        audit.append(next.by(), "bundle.deploy", c.symbolicName(), c.version() + " sha256=" + c.sha256() + " services=" + c.serviceIds());
        LOG.info("deployed {} serving {} in {} ms", c.label(), c.serviceIds(), millis(t0));
        return result(true, c, "deployed " + c.label() + " serving " + c.serviceIds(), t0);
    }

    private DeployResult replace(Installed current, Installed next, long t0, String verb) throws Refusal {
        Candidate c = next.candidate();
        Bundle bundle = context.getBundle(current.bundleId());
        try {
            steps.update(bundle, next);
            steps.startAndVerify(bundle, c);
        } catch (Refusal r) {
            restore(bundle, current);
            throw new Refusal(r.getMessage() + ". Kept " + current.candidate().label() + ", which is serving again", r);
        }
        commit(next, current, bundle);
        audit.append(next.by(), "bundle." + verb, c.symbolicName(), current.candidate().version() + " -> " + c.version()
                + " sha256=" + c.sha256() + " services=" + c.serviceIds());
        LOG.info("{}: {} -> {} in {} ms", verb, current.candidate().label(), c.version(), millis(t0));
        return result(true, c, ("rollback".equals(verb) ? "rolled back " : "updated ") + current.candidate().label()
                + " to " + c.version() + " serving " + c.serviceIds(), t0);
    }

    private void restore(Bundle bundle, Installed previous) {
        try {
            steps.update(bundle, previous);
            steps.startAndVerify(bundle, previous.candidate());
            LOG.info("rolled back to {}", previous.candidate().label());
        } catch (Refusal again) {
            LOG.error("could not restore {}: {}", previous.candidate().label(), again.getMessage());
            audit.append("system", "bundle.restore-failed", previous.candidate().symbolicName(), again.getMessage());
        }
    }

    private void commit(Installed next, Installed replaced, Bundle bundle) {
        String file = folder.stand(next, replaced);
        installed.put(next.candidate().symbolicName(), new Installed(bundle.getBundleId(), next.candidate(),
                next.archived(), file, next.by(), next.at(), next.previous()));
        state.save(installed);
    }

    private DeployResult rollbackNow(String symbolicName, String actor) {
        long t0 = System.nanoTime();
        Installed current = installed.get(symbolicName);
        if (current == null) {
            return new DeployResult(false, symbolicName, null, List.of(), "no bundle " + symbolicName + " is deployed", millis(t0));
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
            return refused(back.candidate(), r.getMessage(), actor, t0);
        }
    }

    private DeployResult withdrawNow(String symbolicName, String actor, boolean removeFile) {
        long t0 = System.nanoTime();
        Installed current = installed.remove(symbolicName);
        if (current == null) {
            return new DeployResult(false, symbolicName, null, List.of(), "no bundle " + symbolicName + " is deployed", millis(t0));
        }
        Bundle bundle = context.getBundle(current.bundleId());
        if (bundle != null) {
            steps.stopQuietly(bundle);
            steps.uninstall(bundle);
        }
        if (removeFile) {
            folder.remove(current.sourceFile());
        }
        History.prune(archiveDir.resolve(symbolicName), null);
        state.save(installed);
        audit.append(actor, "bundle.withdraw", symbolicName, current.candidate().version() + " services="
                + current.candidate().serviceIds());
        LOG.info("withdrew {} in {} ms", current.candidate().label(), millis(t0));
        return new DeployResult(true, symbolicName, null, List.of(), "withdrew " + current.candidate().label()
                + "; its applications stay trackable", millis(t0));
    }

    private DeployResult refused(Candidate c, String reason, String actor, long t0) {
        String subject = c == null ? "(unreadable jar)" : c.symbolicName();
        audit.append(actor, "bundle.refuse", subject, reason);
        LOG.warn("refused {}: {}", c == null ? "a jar" : c.label(), reason);
        Installed current = c == null ? null : installed.get(c.symbolicName());
        return new DeployResult(false, c == null ? null : c.symbolicName(),
                current == null ? null : current.candidate().version().toString(),
                current == null ? List.of() : current.candidate().serviceIds(), reason, millis(t0));
    }

    private static DeployResult result(boolean ok, Candidate c, String message, long t0) {
        return new DeployResult(ok, c.symbolicName(), c.version().toString(), c.serviceIds(), message, millis(t0));
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
