package org.khidmat.core.internal.deploy;

import java.util.List;
import org.osgi.framework.Version;

/**
 * Refuses an agency bundle that exports a package the platform owns, or one another agency bundle already
 * exports at another version: later deploys would wire to it, and a restart could fail to resolve the centre.
 */
final class ExportCheck {
    /** Package prefixes that are the platform's whoever exports them. */
    static final List<String> RESERVED = List.of("org.khidmat.", "org.osgi.", "org.apache.felix.", "java.");

    private ExportCheck() {
    }

    static void check(Candidate c, CentreView centre) throws Refusal {
        for (ManifestClauses.Clause clause : ManifestClauses.parse(c.exportPackage())) {
            Version version = version(c, clause);
            for (String pkg : clause.names()) {
                if (reserved(pkg)) {
                    throw Refusal.of("refusal.exportsPlatform", c.label(), pkg,
                            String.join(", ", RESERVED.stream().map(r -> r + "*").toList()));
                }
                for (CentreView.Export other : centre.exportsOf(pkg)) {
                    if (!other.agency()) {
                        throw Refusal.of("refusal.exportsOthers", c.label(), pkg, other.by());
                    }
                    if (!other.bundle().equals(c.symbolicName()) && !other.version().equals(version)) {
                        throw Refusal.of("refusal.exportVersion", c.label(), pkg, version, other.by(),
                                other.version());
                    }
                }
            }
        }
    }

    static boolean reserved(String pkg) {
        return pkg.equals("org.khidmat") || RESERVED.stream().anyMatch(pkg::startsWith);
    }

    private static Version version(Candidate c, ManifestClauses.Clause clause) throws Refusal {
        String v = clause.attributes().getOrDefault("version", clause.attributes().get("specification-version"));
        try {
            return v == null ? Version.emptyVersion : Version.parseVersion(v);
        } catch (IllegalArgumentException e) {
            throw Refusal.of("refusal.exportBadVersion", c.label(), clause.names(), ManifestSyntax.printable(v));
        }
    }
}
