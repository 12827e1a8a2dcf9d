package org.khidmat.core.internal.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Checks, before anything is installed, that every package a bundle imports is exported by the centre
 * at a version in range, and says what is missing and what the centre has instead.
 */
final class ImportCheck {
    private final BundleContext context;

    ImportCheck(BundleContext context) {
        this.context = context;
    }

    /** @param replacing the bundle the candidate would replace, whose exports do not count, or {@code null} */
    void check(Candidate candidate, Bundle replacing) throws Refusal {
        List<String> problems = new ArrayList<>();
        List<String> own = new ArrayList<>();
        ManifestClauses.parse(candidate.exportPackage()).forEach(c -> own.addAll(c.names()));
        for (ManifestClauses.Clause clause : ManifestClauses.parse(candidate.importPackage())) {
            if ("optional".equals(clause.directives().get("resolution"))) {
                continue;
            }
            VersionRange range;
            try {
                String v = clause.attributes().get("version");
                range = v == null ? null : VersionRange.valueOf(v);
            } catch (IllegalArgumentException e) {
                problems.add("imports " + clause.names() + " with an invalid version range '"
                        + clause.attributes().get("version") + "'");
                continue;
            }
            for (String pkg : clause.names()) {
                if (own.contains(pkg)) {
                    continue;
                }
                TreeSet<Version> offered = offered(pkg, replacing);
                if (offered.stream().noneMatch(v -> range == null || range.includes(v))) {
                    String wanted = pkg + (range == null ? "" : " " + range);
                    problems.add(offered.isEmpty()
                            ? "imports package " + wanted + " but nothing in this centre provides " + pkg
                            : "imports package " + wanted + " but this centre provides " + pkg + " "
                                    + String.join(", ", offered.stream().map(Version::toString).toList()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.of("refusal.imports", candidate.label(), String.join("; ", problems));
        }
    }

    private TreeSet<Version> offered(String pkg, Bundle replacing) {
        TreeSet<Version> versions = new TreeSet<>();
        for (Bundle b : context.getBundles()) {
            if (b.equals(replacing) || b.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            BundleRevision revision = b.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability cap : revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                Map<String, Object> attrs = cap.getAttributes();
                if (pkg.equals(attrs.get(PackageNamespace.PACKAGE_NAMESPACE))) {
                    Object v = attrs.get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE);
                    versions.add(v instanceof Version version ? version : Version.emptyVersion);
                }
            }
        }
        return versions;
    }
}
