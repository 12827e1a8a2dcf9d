package org.khidmat.distribution;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Put into test bundles whose start must fail: an agency's broken code. */
public final class ThrowingActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException("agency code failed on purpose");
    }

    @Override
    public void stop(BundleContext context) {
        // nothing started
    }
}
