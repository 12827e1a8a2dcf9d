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
                    throw new Refusal("bundle " + c.label() + " exports " + pkg + ", a package of the platform (nothing "
                            + "under " + String.join(", ", RESERVED.stream().map(r -> r + "*").toList())
                            + " may be exported by an agency bundle); keep it private or use a package of the agency's own");
                }
                for (CentreView.Export other : centre.exportsOf(pkg)) {
                    if (!other.agency()) {
                        throw new Refusal("bundle " + c.label() + " exports " + pkg + ", which " + other.by()
                                + " provides; an agency bundle may export only packages of its own");
                    }
                    if (!other.bundle().equals(c.symbolicName()) && !other.version().equals(version)) {
                        throw new Refusal("bundle " + c.label() + " exports " + pkg + " " + version + ", but " + other.by()
                                + " exports it at " + other.version() + "; export the same version or rename the package");
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
            throw new Refusal("bundle " + c.label() + " exports " + clause.names() + " with an invalid version '"
                    + ManifestSyntax.printable(v) + "'");
        }
    }
}
