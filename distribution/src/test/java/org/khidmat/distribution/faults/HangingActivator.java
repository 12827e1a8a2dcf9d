package org.khidmat.distribution.faults;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Put into a test bundle whose start never ends: it sleeps and shrugs off every interrupt, as badly written agency
 * code does. To keep the test JVM's host tidy it gives up 60 s after its class was loaded.
 */
public final class HangingActivator implements BundleActivator {
    private static final long DEADLINE = System.nanoTime() + 60_000_000_000L;

    @Override
    public void start(BundleContext context) {
        while (System.nanoTime() < DEADLINE) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ignored) {
                // on purpose: this start does not stop when asked
            }
        }
    }

    @Override
    public void stop(BundleContext context) {
        // nothing started
    }
}
