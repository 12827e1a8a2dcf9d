package org.khidmat.launcher.containment;

import java.util.Collection;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Wiring between agency bundles and the platform: an agency bundle's package requirements (imports and
 * dynamic imports) match only packages of other agency bundles or of the allowed list; its Require-Bundle
 * and Fragment-Host match only agency bundles. The platform's requirements never match an agency bundle, so an
 * agency cannot put a package or a fragment under the platform.
 */
public final class AgencyResolverHook implements ResolverHook, ResolverHookFactory {
    private final AgencyBundles agencies;

    AgencyResolverHook(AgencyBundles agencies) {
        this.agencies = agencies;
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return this; // no state between calls
    }

    @Override
    public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
        String namespace = requirement.getNamespace();
        boolean wiring = PackageNamespace.PACKAGE_NAMESPACE.equals(namespace) || BundleNamespace.BUNDLE_NAMESPACE.equals(namespace)
                || HostNamespace.HOST_NAMESPACE.equals(namespace);
        if (!wiring) {
            return;
        }
        boolean agency = AgencyBundles.isAgency(requirement.getRevision().getBundle());
        candidates.removeIf(c -> {
            boolean fromAgency = AgencyBundles.isAgency(c.getRevision().getBundle());
            if (!agency) {
                return fromAgency;
            }
            if (fromAgency) {
                return false;
            }
            return !PackageNamespace.PACKAGE_NAMESPACE.equals(namespace)
                    || !agencies.allowsPackage(String.valueOf(c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)));
        });
    }

    @Override
    public void filterResolvable(Collection<BundleRevision> candidates) {
        // every bundle may resolve; only what it wires to is filtered
    }

    @Override
    public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> collisionCandidates) {
        // singletons collide by symbolic name, which the deployer keeps apart from the platform's
    }

    @Override
    public void end() {
        // nothing held
    }
}
