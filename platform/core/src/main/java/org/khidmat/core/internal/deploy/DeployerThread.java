package org.khidmat.core.internal.deploy;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.khidmat.api.platform.DeployResult;
import org.khidmat.api.platform.DeployResult.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployer's one thread ({@code khidmat-deployer}): every lifecycle step runs on it in order, so two never
 * overlap. A caller waits for its verdict, or (an upload) gets it later, with at most {@link #MAX_QUEUED} waiting.
 */
final class DeployerThread implements Executor, AutoCloseable {
    /** Deploys waiting for the deployer thread beyond which an upload is told to come back later. */
    static final int MAX_QUEUED = 16;
    private static final Logger LOG = LoggerFactory.getLogger(DeployerThread.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "khidmat-deployer"));
    private final AtomicInteger queued = new AtomicInteger();

    /** Runs a task after everything queued before it. */
    @Override
    public void execute(Runnable task) {
        thread.execute(task);
    }

    /** Runs a step after everything queued before it and waits for its verdict. */
    DeployResult call(Callable<DeployResult> step) {
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

    /** Queues a step and returns at once; with {@link #MAX_QUEUED} steps waiting already, the verdict is BUSY. */
    CompletionStage<DeployResult> later(Supplier<DeployResult> step) {
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            return CompletableFuture.completedFuture(new DeployResult(false, null, null, List.of(),
                    "the deployer has " + MAX_QUEUED + " jars waiting already; try again in a minute", 0, Status.BUSY));
        }
        CompletableFuture<DeployResult> verdict = new CompletableFuture<>();
        thread.execute(() -> {
            queued.decrementAndGet();
            try {
                verdict.complete(step.get());
            } catch (RuntimeException e) {
                LOG.error("deployer step failed unexpectedly", e);
                verdict.complete(new DeployResult(false, null, null, List.of(), "the deployer failed: " + e, 0));
            }
        });
        return verdict;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
