package org.khidmat.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A jar with code that an agency account uploaded and that waits for a centre admin's approval, without its bytes.
 * A final class with a factory so it can grow a field.
 *
 * @since 1.2
 */
public final class WaitingBundle {
    private final String sha256;
    private final String symbolicName;
    private final String version;
    private final String agency;
    private final String uploadedBy;
    private final Instant uploadedAt;

    private WaitingBundle(String sha256, String symbolicName, String version, String agency, String uploadedBy,
            Instant uploadedAt) {
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        this.symbolicName = Objects.requireNonNull(symbolicName, "symbolicName");
        this.version = Objects.requireNonNull(version, "version");
        this.agency = agency;
        this.uploadedBy = Objects.requireNonNull(uploadedBy, "uploadedBy");
        this.uploadedAt = Objects.requireNonNull(uploadedAt, "uploadedAt");
    }

    /**
     * @param sha256 hex SHA-256 of the jar
     * @param symbolicName Bundle-SymbolicName
     * @param version Bundle-Version
     * @param agency the agency the upload was made for, or {@code null}
     * @param uploadedBy the account that uploaded it
     * @param uploadedAt when
     * @return the waiting bundle
     */
    public static WaitingBundle of(String sha256, String symbolicName, String version, String agency,
            String uploadedBy, Instant uploadedAt) {
        return new WaitingBundle(sha256, symbolicName, version, agency, uploadedBy, uploadedAt);
    }

    /** @return hex SHA-256 of the jar, which names it */
    public String sha256() {
        return sha256;
    }

    /** @return Bundle-SymbolicName */
    public String symbolicName() {
        return symbolicName;
    }

    /** @return Bundle-Version */
    public String version() {
        return version;
    }

    /** @return the agency the upload was made for, or {@code null} */
    public String agency() {
        return agency;
    }

    /** @return the account that uploaded it */
    public String uploadedBy() {
        return uploadedBy;
    }

    /** @return when it was uploaded */
    public Instant uploadedAt() {
        return uploadedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WaitingBundle w && sha256.equals(w.sha256) && symbolicName.equals(w.symbolicName)
                && version.equals(w.version) && Objects.equals(agency, w.agency) && uploadedBy.equals(w.uploadedBy)
                && uploadedAt.equals(w.uploadedAt);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return symbolicName + " " + version + " (" + sha256.substring(0, Math.min(12, sha256.length())) + ")";
    }
}
