package org.khidmat.distribution.faults;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Put into a test bundle whose start takes one second longer than the suite's start limit
 * ({@link FaultCentre#START_LIMIT_SECONDS}) and then returns normally, registering nothing.
 */
public final class LateActivator implements BundleActivator {
    static final long SLEEP_MILLIS = (FaultCentre.START_LIMIT_SECONDS + 1) * 1000L;

    @Override
    public void start(BundleContext context) {
        long deadline = System.nanoTime() + SLEEP_MILLIS * 1_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void stop(BundleContext context) {
        // nothing started
    }
}
