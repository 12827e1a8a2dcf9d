package org.khidmat.core.internal.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * What the centre's bundles export and which of them are the platform's, as the deploy-time checks need it.
 *
 * @param exports every package exported by an installed bundle
 * @param platformBundles symbolic names of the bundles that are not agency bundles, the system bundle included
 */
record CentreView(List<Export> exports, Set<String> platformBundles) {

    /** One exported package and who exports it. */
    record Export(String pkg, Version version, String bundle, Version bundleVersion, boolean agency) {
        String by() {
            return (agency ? "agency bundle " : "the platform's bundle ") + bundle + " " + bundleVersion;
        }
    }

    /** @param replacing the bundle a candidate would replace, whose exports do not count, or {@code null} */
    static CentreView of(BundleContext context, Bundle replacing) {
        List<Export> exports = new ArrayList<>();
        Set<String> platform = new TreeSet<>();
        for (Bundle b : context.getBundles()) {
            if (b.equals(replacing) || b.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            boolean agency = Locations.isAgency(b.getLocation());
            if (!agency) {
                platform.add(b.getSymbolicName());
                if (b.getBundleId() == 0) {
                    platform.add("system.bundle");
                }
            }
            BundleRevision revision = b.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability cap : revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                Map<String, Object> attrs = cap.getAttributes();
                Object v = attrs.get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE);
                exports.add(new Export(String.valueOf(attrs.get(PackageNamespace.PACKAGE_NAMESPACE)),
                        v instanceof Version version ? version : Version.emptyVersion, b.getSymbolicName(), b.getVersion(), agency));
            }
        }
        return new CentreView(exports, platform);
    }

    List<Export> exportsOf(String pkg) {
        return exports.stream().filter(e -> e.pkg().equals(pkg)).toList();
    }

    /** Whether only platform bundles (and at least one) export the package. */
    boolean platformOnly(String pkg) {
        List<Export> by = exportsOf(pkg);
        return !by.isEmpty() && by.stream().noneMatch(Export::agency);
    }
}
