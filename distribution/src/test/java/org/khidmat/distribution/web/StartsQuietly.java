package org.khidmat.distribution.web;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Agency code that does nothing at all: what matters is that it is code, so an agency cannot deploy it alone. */
public final class StartsQuietly implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        // nothing to start
    }

    @Override
    public void stop(BundleContext context) {
        // nothing to stop
    }
}
