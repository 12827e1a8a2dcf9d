package org.khidmat.core.internal.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The archived jars of the bundles the deployer committed, checked again before it adopts them at a start, every
 * check as at a deploy. The jars are independent, so they are checked side by side, on no more threads than the
 * machine has cores (and at most four): with hundreds of services this is most of the deployer's work at a start.
 */
final class ArchivedJars {
    private static final int MOST_THREADS = 4;

    /** The jars that passed, and for each one that did not, why. */
    record Checked(Map<String, Candidate> passed, Map<String, String> refused) {
    }

    private ArchivedJars() {
    }

    static Checked check(Map<String, DeployState.Entry> remembered, Path archiveDir, JarCheck jarCheck) {
        Map<String, Candidate> passed = new LinkedHashMap<>();
        Map<String, String> refused = new LinkedHashMap<>();
        if (remembered.isEmpty()) {
            return new Checked(passed, refused);
        }
        int threads = Math.max(1, Math.min(remembered.size(), Math.min(MOST_THREADS, Runtime.getRuntime().availableProcessors())));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "khidmat-deployer-check");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<Candidate>> checks = new LinkedHashMap<>();
            remembered.forEach((bsn, e) -> checks.put(bsn, pool.submit(() -> one(archiveDir.resolve(bsn).resolve(e.archivedJar()),
                    e.archivedJar(), jarCheck))));
            for (Map.Entry<String, Future<Candidate>> c : checks.entrySet()) {
                try {
                    passed.put(c.getKey(), c.getValue().get());
                } catch (ExecutionException e) {
                    refused.put(c.getKey(), e.getCause() instanceof Refusal r ? r.getMessage()
                            : "its archived jar could not be checked: " + e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    refused.put(c.getKey(), "the start was interrupted");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Checked(passed, refused);
    }

    private static Candidate one(Path archived, String name, JarCheck jarCheck) throws Refusal {
        if (!Files.isRegularFile(archived)) {
            throw Refusal.of("refusal.archiveGone", name);
        }
        return jarCheck.check(archived);
    }
}
