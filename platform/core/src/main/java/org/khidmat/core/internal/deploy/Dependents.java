package org.khidmat.core.internal.deploy;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/** The deployed bundles wired to another's packages (or requiring it): what stops serving if it leaves. */
final class Dependents {
    private Dependents() {
    }

    /** @return the symbolic names of the deployed bundles that import the library's packages, sorted */
    static List<String> of(Bundle library, Map<String, Installed> deployed) {
        if (library == null) {
            return List.of();
        }
        BundleWiring wiring = library.adapt(BundleWiring.class);
        if (wiring == null) {
            return List.of();
        }
        TreeSet<String> out = new TreeSet<>();
        for (String namespace : List.of(PackageNamespace.PACKAGE_NAMESPACE, BundleNamespace.BUNDLE_NAMESPACE)) {
            List<BundleWire> wires = wiring.getProvidedWires(namespace);
            for (BundleWire w : wires == null ? List.<BundleWire>of() : wires) {
                Bundle requirer = w.getRequirer().getBundle();
                if (requirer.getBundleId() == library.getBundleId()) {
                    continue;
                }
                deployed.values().stream().filter(i -> i.bundleId() == requirer.getBundleId()).findFirst()
                        .ifPresent(i -> out.add(i.candidate().symbolicName()));
            }
        }
        return List.copyOf(out);
    }
}
