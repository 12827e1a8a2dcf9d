package org.khidmat.core.internal.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * What an agency bundle may wire to, checked at deploy time so the agency reads a plain reason instead of a
 * resolution failure: packages of the agency SPI list ({@link AgencyPackages}), its own, and those of other
 * agency bundles; never a package only the platform provides, a platform bundle by Require-Bundle, or a
 * platform bundle as its fragment host. The launcher's resolver hook enforces the same at run time.
 */
final class WiringPolicy {
    private WiringPolicy() {
    }

    static void check(Candidate c, CentreView centre, AgencyPackages allowed) throws Refusal {
        List<String> own = new ArrayList<>();
        ManifestClauses.parse(c.exportPackage()).forEach(clause -> own.addAll(clause.names()));
        List<String> platform = new ArrayList<>();
        for (String header : new String[] {c.importPackage(), c.dynamicImport()}) {
            for (ManifestClauses.Clause clause : ManifestClauses.parse(header)) {
                for (String pkg : clause.names()) {
                    boolean named = !pkg.contains("*");
                    if (named && !allowed.allows(pkg) && !own.contains(pkg)
                            && (centre.platformOnly(pkg) || ExportCheck.reserved(pkg)) && !platform.contains(pkg)) {
                        platform.add(pkg);
                    }
                }
            }
        }
        if (!platform.isEmpty()) {
            throw Refusal.of("refusal.importsPlatform", c.label(), String.join(", ", platform), platform.size(),
                    allowed);
        }
        for (ManifestClauses.Clause clause : ManifestClauses.parse(c.requireBundle())) {
            for (String name : clause.names()) {
                if (centre.platformBundles().contains(name)) {
                    throw Refusal.of("refusal.requiresPlatform", c.label(), name, allowed);
                }
            }
        }
        for (ManifestClauses.Clause clause : ManifestClauses.parse(c.fragmentHost())) {
            for (String name : clause.names()) {
                if (centre.platformBundles().contains(name) || "system.bundle".equals(name)) {
                    throw Refusal.of("refusal.fragmentOfPlatform", c.label(), name);
                }
            }
        }
    }
}
