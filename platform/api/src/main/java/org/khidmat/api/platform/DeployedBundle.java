package org.khidmat.api.platform;

import java.time.Instant;
import java.util.List;

/**
 * An agency bundle the deployer manages.
 *
 * @param symbolicName the bundle symbolic name
 * @param version the version in force
 * @param state the OSGi state, for example {@code ACTIVE}
 * @param agency the agency code its services belong to, or {@code null} for a bundle without services
 * @param services the service ids it declares
 * @param sha256 the SHA-256 of the jar, hex
 * @param deployedBy who deployed it
 * @param deployedAt when
 * @param previousVersion the version a rollback would return to, or {@code null}
 */
public record DeployedBundle(String symbolicName, String version, String state, String agency, List<String> services,
        String sha256,
        String deployedBy, Instant deployedAt, String previousVersion) {
}
