package org.khidmat.launcher.containment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;

/** The containment hooks on fakes: what an agency bundle wires to, finds and hears of. */
class AgencyHooksTest {
    private static final AgencyBundles AGENCIES = new AgencyBundles(AgencyBundles.DEFAULT_PACKAGES);
    private final Bundle system = Fakes.bundle(0, "System Bundle");
    private final Bundle api = Fakes.platform(1, "org.khidmat.api");
    private final Bundle core = Fakes.platform(2, "org.khidmat.core");
    private final Bundle nadra = Fakes.agency(10, "org.khidmat.plugins.nadra");
    private final Bundle lib = Fakes.agency(11, "org.acme.lib");

    @Test
    void agencyImportsMatchOnlyTheAllowedListAndAgencyPackages() {
        List<BundleCapability> candidates = new ArrayList<>(List.of(
                Fakes.exported(api, "org.khidmat.api"), Fakes.exported(api, "org.khidmat.api.platform"),
                Fakes.exported(system, "org.eclipse.jetty.server"), Fakes.exported(system, "java.util"),
                Fakes.exported(system, "org.osgi.framework"), Fakes.exported(system, "org.osgi.framework.hooks.service"),
                Fakes.exported(lib, "org.acme.shared")));
        new AgencyResolverHook(AGENCIES).filterMatches(Fakes.requirement(nadra, PackageNamespace.PACKAGE_NAMESPACE), candidates);
        assertEquals(List.of("org.khidmat.api", "java.util", "org.osgi.framework", "org.acme.shared"), packages(candidates));
    }

    @Test
    void platformImportsAreUntouchedButNeverWireToAnAgency() {
        List<BundleCapability> candidates = new ArrayList<>(List.of(
                Fakes.exported(api, "org.khidmat.api.platform"), Fakes.exported(lib, "org.khidmat.api.platform")));
        new AgencyResolverHook(AGENCIES).filterMatches(Fakes.requirement(core, PackageNamespace.PACKAGE_NAMESPACE), candidates);
        assertEquals(1, candidates.size());
        assertEquals(api, candidates.get(0).getRevision().getBundle());
    }

    @Test
    void requireBundleAndFragmentHostOfAnAgencyMatchOnlyAgencyBundles() {
        for (String ns : List.of(BundleNamespace.BUNDLE_NAMESPACE, HostNamespace.HOST_NAMESPACE)) {
            List<BundleCapability> candidates = new ArrayList<>(List.of(Fakes.capability(core, ns, "org.khidmat.core"),
                    Fakes.capability(system, ns, "system.bundle"), Fakes.capability(lib, ns, "org.acme.lib")));
            new AgencyResolverHook(AGENCIES).filterMatches(Fakes.requirement(nadra, ns), candidates);
            assertEquals(1, candidates.size(), ns);
            assertEquals(lib, candidates.get(0).getRevision().getBundle(), ns);
        }
    }

    @Test
    void otherNamespacesAreLeftAlone() {
        List<BundleCapability> candidates = new ArrayList<>(List.of(Fakes.capability(system, "osgi.ee", "JavaSE")));
        new AgencyResolverHook(AGENCIES).filterMatches(Fakes.requirement(nadra, "osgi.ee"), candidates);
        assertEquals(1, candidates.size());
    }

    @Test
    void agenciesFindOnlySpiServicesAndAgencyServices() {
        ServiceReference<?> audit = Fakes.service(core, "org.khidmat.api.store.AuditLog");
        ServiceReference<?> mixed = Fakes.service(core, "org.khidmat.api.ServiceHandler", "org.khidmat.api.platform.AccountBook");
        ServiceReference<?> configAdmin = Fakes.service(system, "org.osgi.service.cm.ConfigurationAdmin");
        ServiceReference<?> scr = Fakes.service(system, "org.osgi.service.component.runtime.ServiceComponentRuntime");
        ServiceReference<?> spi = Fakes.service(core, "org.khidmat.api.payment.PaymentProvider");
        ServiceReference<?> log = Fakes.service(system, "org.osgi.service.log.LoggerFactory");
        ServiceReference<?> agencyOwn = Fakes.service(lib, "org.acme.shared.Thing");
        List<ServiceReference<?>> all = List.of(audit, mixed, configAdmin, scr, spi, log, agencyOwn);

        Collection<ServiceReference<?>> found = new ArrayList<>(all);
        new AgencyServiceHooks(AGENCIES).find(Fakes.context(nadra), null, null, true, found);
        assertEquals(List.of(spi, log, agencyOwn), List.copyOf(found));

        Collection<ServiceReference<?>> byPlatform = new ArrayList<>(all);
        new AgencyServiceHooks(AGENCIES).find(Fakes.context(core), null, null, true, byPlatform);
        assertEquals(all, List.copyOf(byPlatform), "the platform finds everything");
    }

    @Test
    void agenciesDoNotHearOfPlatformServices() {
        AgencyServiceHooks hooks = new AgencyServiceHooks(AGENCIES);
        BundleContext agencyContext = Fakes.context(nadra);
        BundleContext platformContext = Fakes.context(core);
        Map<BundleContext, Collection<ListenerInfo>> listeners = new HashMap<>();
        listeners.put(agencyContext, new ArrayList<>());
        listeners.put(platformContext, new ArrayList<>());
        hooks.event(new ServiceEvent(ServiceEvent.REGISTERED, Fakes.service(core, "org.khidmat.api.store.AuditLog")), listeners);
        assertEquals(List.of(platformContext), List.copyOf(listeners.keySet()));

        listeners.put(agencyContext, new ArrayList<>());
        hooks.event(new ServiceEvent(ServiceEvent.REGISTERED, Fakes.service(lib, "org.khidmat.api.ServiceHandler")), listeners);
        assertEquals(2, listeners.size(), "an agency's ServiceHandler is heard by all");
    }

    @Test
    void agenciesSeeOnlyThemselvesTheSystemBundleAndOtherAgencies() {
        Collection<Bundle> bundles = new ArrayList<>(List.of(system, api, core, nadra, lib));
        new AgencyBundleFindHook().find(Fakes.context(nadra), bundles);
        assertEquals(List.of(system, nadra, lib), List.copyOf(bundles));
        Collection<Bundle> forPlatform = new ArrayList<>(List.of(system, api, core, nadra, lib));
        new AgencyBundleFindHook().find(Fakes.context(core), forPlatform);
        assertEquals(5, forPlatform.size());
    }

    @Test
    void theListTakesPrefixesAndExactNames() {
        assertTrue(AGENCIES.allowsPackage("java.util.concurrent"));
        assertTrue(AGENCIES.allowsPackage("org.khidmat.api.notify"));
        assertFalse(AGENCIES.allowsPackage("org.khidmat.api.platform"));
        assertFalse(AGENCIES.allowsPackage("org.osgi.framework.hooks.service"));
        assertFalse(AGENCIES.allowsPackage("javax.sql"));
        assertFalse(AGENCIES.isSpiClass("org.slf4j.Logger"), "allowed to import, not a service agencies may find");
    }

    private static List<String> packages(List<BundleCapability> caps) {
        return caps.stream().map(c -> String.valueOf(c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))).toList();
    }
}
