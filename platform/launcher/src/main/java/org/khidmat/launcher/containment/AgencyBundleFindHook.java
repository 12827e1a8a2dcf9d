package org.khidmat.launcher.containment;

import java.util.Collection;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.hooks.bundle.FindHook;

/**
 * An agency bundle's {@code getBundles()} and {@code getBundle(id)} show only itself, the system bundle and
 * other agency bundles. Not covered, by the specification: {@code getBundle(String location)}, which calls no
 * find hook, and bundles reached through other objects (a service reference's {@code getBundle()}).
 */
public final class AgencyBundleFindHook implements FindHook {
    @Override
    public void find(BundleContext context, Collection<Bundle> bundles) {
        if (!AgencyBundles.isAgency(context)) {
            return;
        }
        Bundle self = context.getBundle();
        bundles.removeIf(b -> b.getBundleId() != 0 && !b.equals(self) && !AgencyBundles.isAgency(b));
    }
}
