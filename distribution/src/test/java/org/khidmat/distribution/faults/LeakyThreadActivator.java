package org.khidmat.distribution.faults;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Put into a test bundle that forgets a thread: start() starts a non-daemon thread named {@code leaky-worker} that
 * stop() never ends; the thread ends by itself 60 s after it began, whatever it is told.
 */
public final class LeakyThreadActivator implements BundleActivator {
    static final String THREAD = "leaky-worker";

    @Override
    public void start(BundleContext context) {
        Thread t = new Thread(LeakyThreadActivator::work, THREAD);
        t.setDaemon(false);
        t.start();
    }

    private static void work() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ignored) {
                // on purpose: left behind, it does not listen
            }
        }
    }

    @Override
    public void stop(BundleContext context) {
        // on purpose: the thread is forgotten
    }
}
