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

/** The framework-facing lifecycle steps, each bounded in time and each failing with a plain reason. */
final class BundleSteps implements AutoCloseable {
    private final BundleContext context;
    private final Limits limits;
    private final ExecutorService starter = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "khidmat-bundle-start");
        t.setDaemon(true);
        return t;
    });

    BundleSteps(BundleContext context, Limits limits) {
        this.context = context;
        this.limits = limits;
    }

    Bundle install(String location, Installed archived) throws Refusal {
        try (InputStream in = Files.newInputStream(archived.archived())) {
            return context.installBundle(location, in);
        } catch (BundleException | IOException e) {
            throw new Refusal("bundle " + archived.candidate().label() + " could not be installed: " + e.getMessage(), e);
        }
    }

    void update(Bundle bundle, Installed to) throws Refusal {
        try (InputStream in = Files.newInputStream(to.archived())) {
            bundle.stop();
            bundle.update(in);
        } catch (BundleException | IOException e) {
            throw new Refusal("bundle " + to.candidate().label() + " could not replace the deployed version: "
                    + e.getMessage(), e);
        }
        refresh(bundle);
    }

    /** Starts the bundle within the time limit, then waits for the handlers its descriptors promise. */
    void startAndVerify(Bundle bundle, Candidate candidate) throws Refusal {
        Future<?> started = starter.submit(() -> {
            bundle.start();
            return null;
        });
        try {
            started.get(limits.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            started.cancel(true);
            throw new Refusal("bundle " + candidate.label() + " did not start within "
                    + limits.startTimeout().toSeconds() + " s (its activator or a component blocks)");
        } catch (ExecutionException e) {
            throw startFailure(candidate, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal("deploy of " + candidate.label() + " was interrupted");
        }
        if (bundle.getState() != Bundle.ACTIVE) {
            throw new Refusal("bundle " + candidate.label() + " did not become active (state " + bundle.getState() + ")");
        }
        for (ServiceDescriptor d : candidate.descriptors()) {
            if (d.handler()) {
                awaitHandler(bundle, candidate, d.id());
            }
        }
    }

    private static Refusal startFailure(Candidate candidate, Throwable cause) {
        if (cause instanceof BundleException be && be.getType() == BundleException.RESOLVE_ERROR) {
            return new Refusal("bundle " + candidate.label() + " cannot be resolved: " + be.getMessage(), be);
        }
        Throwable root = cause instanceof BundleException && cause.getCause() != null ? cause.getCause() : cause;
        return new Refusal("bundle " + candidate.label() + " failed to start: " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage()), cause);
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
                            return;
                        }
                    }
                }
                Thread.sleep(2);
            } catch (InvalidSyntaxException e) {
                throw new Refusal("service id " + serviceId + " cannot be used in a service filter");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        throw new Refusal("bundle " + candidate.label() + " declares \"handler\": true for " + serviceId
                + " but registered no ServiceHandler with " + ServiceHandler.SERVICE_ID + "=" + serviceId + " within "
                + limits.verifyTimeout().toSeconds() + " s");
    }

    void stopQuietly(Bundle bundle) {
        try {
            bundle.stop();
        } catch (BundleException | IllegalStateException e) {
            // already stopped or gone: nothing to undo
        }
    }

    void uninstall(Bundle bundle) {
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException e) {
            // already gone
        }
        refresh(bundle);
    }

    /** Refreshes the bundle and what depends on it, and waits until the framework says it is done. */
    void refresh(Bundle bundle) {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> done.countDown());
        try {
            done.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        starter.shutdownNow();
    }
}
