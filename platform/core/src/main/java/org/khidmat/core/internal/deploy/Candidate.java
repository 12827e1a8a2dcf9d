package org.khidmat.core.internal.deploy;

import java.nio.file.Path;
import java.util.List;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.osgi.framework.Version;

/**
 * A jar that passed the checks that need no framework: readable, within limits, a bundle, with valid
 * descriptors.
 *
 * @param jar the file checked
 * @param symbolicName Bundle-SymbolicName without directives
 * @param version Bundle-Version
 * @param importPackage the Import-Package header, or {@code null}
 * @param exportPackage the Export-Package header, or {@code null}
 * @param descriptors the services it declares; empty for a bundle without the header
 * @param sha256 hex digest of the file
 * @param requireBundle the Require-Bundle header, or {@code null}
 * @param dynamicImport the DynamicImport-Package header, or {@code null}
 * @param fragmentHost the Fragment-Host header, or {@code null}
 */
record Candidate(Path jar, String symbolicName, Version version, String importPackage, String exportPackage,
        List<ServiceDescriptor> descriptors, String sha256, String requireBundle, String dynamicImport,
        String fragmentHost) {

    /** A candidate without Require-Bundle, DynamicImport-Package or Fragment-Host. */
    Candidate(Path jar, String symbolicName, Version version, String importPackage, String exportPackage,
            List<ServiceDescriptor> descriptors, String sha256) {
        this(jar, symbolicName, version, importPackage, exportPackage, descriptors, sha256, null, null, null);
    }

    List<String> serviceIds() {
        return descriptors.stream().map(ServiceDescriptor::id).toList();
    }

    /** @return the one agency whose services the bundle declares, or {@code null} when it declares none */
    String agency() {
        return descriptors.isEmpty() ? null : descriptors.get(0).agency().code();
    }

    String label() {
        return symbolicName + " " + version;
    }

    Candidate withJar(Path file) {
        return new Candidate(file, symbolicName, version, importPackage, exportPackage, descriptors, sha256,
                requireBundle, dynamicImport, fragmentHost);
    }
}
