package org.khidmat.api.platform;

import java.time.Instant;
import java.util.List;

/**
 * A jar with code that an agency account uploaded, waiting for a centre admin's approval: what the admin needs
 * to judge it.
 *
 * @param sha256 the jar's SHA-256, hex: what is approved
 * @param symbolicName its Bundle-SymbolicName
 * @param version its Bundle-Version
 * @param agency the agency whose services it declares, or {@code null}
 * @param uploadedBy the account that uploaded it
 * @param uploadedAt when
 * @param imports the packages it imports, as its manifest says
 * @param components the Declarative Services component files and the activator it names
 * @param classes how many class files it carries
 * @param services the service ids it declares
 */
public record PendingBundle(String sha256, String symbolicName, String version, String agency, String uploadedBy,
        Instant uploadedAt, List<String> imports, List<String> components, int classes, List<String> services) {
}
