package org.khidmat.launcher.containment;

import java.util.Collection;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.hooks.bundle.EventHook;
import org.osgi.framework.hooks.bundle.FindHook;

/**
 * An agency bundle's {@code getBundles()} and {@code getBundle(id)} show only itself, the system bundle and
 * other agency bundles, and its bundle listeners hear only of those. Not covered, by the specification:
 * {@code getBundle(String location)}, which calls no find hook, and bundles reached through other objects
 * ({@code FrameworkUtil.getBundle(Class)}, a service reference's {@code getBundle()}).
 */
public final class AgencyBundleFindHook implements FindHook, EventHook {
    @Override
    public void find(BundleContext context, Collection<Bundle> bundles) {
        if (!AgencyBundles.isAgency(context)) {
            return;
        }
        Bundle self = context.getBundle();
        bundles.removeIf(b -> b.getBundleId() != 0 && !b.equals(self) && !AgencyBundles.isAgency(b));
    }

    @Override
    public void event(BundleEvent event, Collection<BundleContext> contexts) {
        Bundle about = event.getBundle();
        if (about.getBundleId() != 0 && !AgencyBundles.isAgency(about)) {
            contexts.removeIf(c -> AgencyBundles.isAgency(c) && !about.equals(c.getBundle()));
        }
    }
}
