package org.khidmat.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One bundle of the {@link BundleSet}, without its jar. A final class with a factory so it can grow a field.
 *
 * @since 1.1
 */
public final class WantedBundle {
    private final String symbolicName;
    private final String version;
    private final String sha256;
    private final String agency;
    private final String by;
    private final Instant at;
    private final String approval;
    private final long change;

    private WantedBundle(String symbolicName, String version, String sha256, String agency, String by, Instant at,
            String approval, long change) {
        this.symbolicName = Objects.requireNonNull(symbolicName, "symbolicName");
        this.version = Objects.requireNonNull(version, "version");
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        this.agency = agency;
        this.by = Objects.requireNonNull(by, "by");
        this.at = Objects.requireNonNull(at, "at");
        this.approval = Objects.requireNonNull(approval, "approval");
        this.change = change;
    }

    /**
     * @param symbolicName Bundle-SymbolicName
     * @param version Bundle-Version
     * @param sha256 hex SHA-256 of the jar
     * @param agency the agency whose services it declares, or {@code null} for none
     * @param by who deployed it
     * @param at when
     * @param approval how its code was approved ({@code "not needed"}, {@code "approved"})
     * @param change the change number that wrote it (0 for one not stored yet)
     * @return the bundle
     */
    public static WantedBundle of(String symbolicName, String version, String sha256, String agency, String by,
            Instant at, String approval, long change) {
        return new WantedBundle(symbolicName, version, sha256, agency, by, at, approval, change);
    }

    /** @return Bundle-SymbolicName */
    public String symbolicName() {
        return symbolicName;
    }

    /** @return Bundle-Version */
    public String version() {
        return version;
    }

    /** @return hex SHA-256 of the jar */
    public String sha256() {
        return sha256;
    }

    /** @return the agency, or {@code null} for a bundle that declares no services */
    public String agency() {
        return agency;
    }

    /** @return who deployed it */
    public String by() {
        return by;
    }

    /** @return when it was deployed */
    public Instant at() {
        return at;
    }

    /** @return how its code was approved */
    public String approval() {
        return approval;
    }

    /** @return the change number that wrote it */
    public long change() {
        return change;
    }

    @Override
    public String toString() {
        return symbolicName + " " + version;
    }
}
