package org.khidmat.testkit.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs tasks on threads released at once, half of them on another node, and gathers their results in task order. */
public final class Together {
    private static final long LIMIT_SECONDS = 60;

    private Together() {
    }

    /** One thread's work, given its index and the stores of the node it runs on. */
    @FunctionalInterface
    public interface Task<T> {
        /**
         * @param index from 0
         * @param node this node's stores (even indexes) or the other node's (odd ones)
         * @return what it got
         * @throws Exception when it fails; the run fails with it
         */
        T run(int index, StoreUnderTest node) throws Exception;
    }

    /**
     * @param threads how many threads
     * @param stores the first node; odd threads use {@link StoreUnderTest#otherNode()}
     * @param task what each thread does
     * @return the results, by thread index
     */
    public static <T> List<T> run(int threads, StoreUnderTest stores, Task<T> task) {
        StoreUnderTest other = stores.otherNode();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await(LIMIT_SECONDS, TimeUnit.SECONDS);
                    return task.run(index, index % 2 == 0 ? stores : other);
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(LIMIT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new AssertionError("a concurrent task failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
