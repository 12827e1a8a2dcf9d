package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.khidmat.api.ServiceHandler;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The framework-facing lifecycle steps, each bounded in time and each failing with a plain reason. A bundle's
 * own code (its activator, its components) runs on threads the deployer can abandon: a start that ignores
 * interrupts holds one of those, never the deployer.
 */
final class BundleSteps implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BundleSteps.class);
    private final BundleContext context;
    private final Limits limits;
    private final ComponentCheck components;
    private final ExecutorService starter = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "khidmat-bundle-start");
        t.setDaemon(true);
        return t;
    });

    BundleSteps(BundleContext context, Limits limits, ComponentCheck components) {
        this.context = context;
        this.limits = limits;
        this.components = components;
    }

    Bundle install(String location, Installed archived) throws Refusal {
        try (InputStream in = Files.newInputStream(archived.archived())) {
            return context.installBundle(location, in);
        } catch (BundleException | IOException e) {
            throw Refusal.of(e, "refusal.notInstalled", archived.candidate().label(), e.getMessage());
        }
    }

    /**
     * Starts the bundle within the time limit, then waits for its components and the handlers its descriptors
     * promise. The start is transient: the framework's cache never starts an agency bundle by itself at the next
     * start; the deployer does, through here, once it has checked it again.
     *
     * @throws Misbehaved when the bundle's own code overran or threw
     */
    void startAndVerify(Bundle bundle, Candidate candidate) throws Refusal {
        run(candidate, "start", () -> bundle.start(Bundle.START_TRANSIENT));
        if (bundle.getState() != Bundle.ACTIVE) {
            throw Refusal.of("refusal.notActive", candidate.label(), bundle.getState());
        }
        components.await(bundle, candidate, limits.verifyTimeout());
        for (ServiceDescriptor d : candidate.descriptors()) {
            if (d.handler()) {
                awaitHandler(bundle, candidate, d.id());
            }
        }
    }

    /** Stops the bundle on an abandonable thread; a stop that overruns is left behind and reported. */
    void stop(Bundle bundle, Candidate candidate) throws Refusal {
        run(candidate, "stop", bundle::stop);
    }

    private interface Step {
        void run() throws BundleException;
    }

    private void run(Candidate candidate, String what, Step step) throws Refusal {
        Future<?> done = starter.submit(() -> {
            step.run();
            return null;
        });
        try {
            done.get(limits.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            done.cancel(true); // an interrupt it may ignore: the thread is abandoned either way
            throw new Misbehaved("bundle " + candidate.label() + " did not " + what + " within "
                    + limits.startTimeout().toSeconds() + " s (its activator or a component blocks); it is quarantined: "
                    + "this jar is not run again, a new build of it is judged afresh");
        } catch (ExecutionException e) {
            throw startFailure(candidate, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Refusal.of("refusal.interrupted", candidate.label());
        }
    }

    private static Refusal startFailure(Candidate candidate, Throwable cause) {
        if (cause instanceof BundleException be && be.getType() == BundleException.RESOLVE_ERROR) {
            return Refusal.of(be, "refusal.unresolved", candidate.label(), be.getMessage());
        }
        Throwable root = cause instanceof BundleException && cause.getCause() != null ? cause.getCause() : cause;
        return new Misbehaved("bundle " + candidate.label() + " failed to start: " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + ComponentCheck.firstLine(root.getMessage())), cause);
    }

    private void awaitHandler(Bundle bundle, Candidate candidate, String serviceId) throws Refusal {
        long deadline = System.nanoTime() + limits.verifyTimeout().toNanos();
        String filter = "(" + ServiceHandler.SERVICE_ID + "=" + serviceId + ")";
        do {
            try {
                ServiceReference<?>[] refs = context.getAllServiceReferences(ServiceHandler.class.getName(), filter);
                if (refs != null) {
                    for (ServiceReference<?> ref : refs) {
                        if (ref.getBundle() != null && ref.getBundle().getBundleId() == bundle.getBundleId()) {
                            usable(ref, candidate, serviceId);
                            return;
                        }
                    }
                }
                Thread.sleep(2);
            } catch (InvalidSyntaxException e) {
                throw Refusal.of("refusal.badServiceId", serviceId);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        throw Refusal.of("refusal.noHandler", candidate.label(), serviceId, ServiceHandler.SERVICE_ID,
                limits.verifyTimeout().toSeconds());
    }

    /** A delayed component is made when first asked for: ask once, so one that throws is caught here. */
    private void usable(ServiceReference<?> ref, Candidate candidate, String serviceId) throws Refusal {
        Future<Object> got = starter.submit(() -> context.getService(ref));
        try {
            if (got.get(limits.startTimeout().toMillis(), TimeUnit.MILLISECONDS) == null) {
                throw new Misbehaved("bundle " + candidate.label() + ": the handler of " + serviceId
                        + " could not be made (its component failed to activate; see the centre's log)");
            }
        } catch (TimeoutException e) {
            got.cancel(true);
            throw new Misbehaved("bundle " + candidate.label() + ": the handler of " + serviceId + " did not activate within "
                    + limits.startTimeout().toSeconds() + " s; it is quarantined");
        } catch (ExecutionException e) {
            throw new Misbehaved("bundle " + candidate.label() + ": the handler of " + serviceId + " failed: "
                    + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Refusal.of("refusal.interrupted", candidate.label());
        } finally {
            try {
                context.ungetService(ref);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the service left meanwhile
            }
        }
    }

    /**
     * Removes a bundle whose code misbehaved without waiting at all: its stop may block as its start did, and
     * the deployer has a queue to serve. The framework's cache does not start it again (its start was transient).
     */
    void removeLater(Bundle bundle) {
        starter.submit(() -> {
            try {
                bundle.uninstall();
                refresh(List.of(bundle));
            } catch (BundleException | IllegalStateException e) {
                // already gone
            }
        });
    }

    /** Stops and uninstalls, bounded; whatever overruns finishes (or not) on an abandoned thread. */
    void remove(Bundle bundle) {
        Future<?> gone = starter.submit(() -> {
            try {
                bundle.uninstall(); // stops it first
            } catch (BundleException | IllegalStateException e) {
                // already gone
            }
            refresh(List.of(bundle));
        });
        try {
            gone.get(limits.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("bundle {} {} does not stop; it is left to end by itself and is gone at the next start",
                    bundle.getSymbolicName(), bundle.getVersion());
        } catch (ExecutionException e) {
            LOG.warn("removing bundle {}: {}", bundle.getSymbolicName(), e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Resolves the bundles together, in one pass of the resolver (the containment hooks judge every wire as
     * always): a bundle that cannot resolve is left for its start to refuse with the reason. No bundle code runs.
     */
    void resolveAll(List<Bundle> bundles) {
        if (!bundles.isEmpty()) {
            context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(bundles);
        }
    }

    /** Refreshes the bundles and what depends on them, and waits until the framework says it is done. */
    void refresh(List<Bundle> bundles) {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(bundles, event -> done.countDown());
        try {
            if (!done.await(30, TimeUnit.SECONDS)) {
                LOG.warn("the framework did not finish refreshing {} within 30 s", bundles);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        starter.shutdownNow();
    }
}
