package org.khidmat.launcher.containment;

import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.hooks.service.EventListenerHook;

/**
 * Registers the hooks that keep agency bundles to the agency SPI. Called with the system bundle's context
 * right after {@code Framework.init()}, before any bundle starts or resolves, so bundles restored from the
 * framework's cache are covered too.
 */
public final class Containment {
    private Containment() {
    }

    /** @param packages the allowed packages, as in {@link AgencyBundles#DEFAULT_PACKAGES} */
    public static List<ServiceRegistration<?>> register(BundleContext system, String packages) {
        AgencyBundles agencies = new AgencyBundles(packages);
        AgencyServiceHooks services = new AgencyServiceHooks(agencies);
        AgencyBundleFindHook bundles = new AgencyBundleFindHook();
        return List.of(
                system.registerService(ResolverHookFactory.class, new AgencyResolverHook(agencies), null),
                system.registerService(org.osgi.framework.hooks.service.FindHook.class, services, null),
                system.registerService(EventListenerHook.class, services, null),
                system.registerService(org.osgi.framework.hooks.bundle.FindHook.class, bundles, null),
                system.registerService(org.osgi.framework.hooks.bundle.EventHook.class, bundles, null));
    }
}
