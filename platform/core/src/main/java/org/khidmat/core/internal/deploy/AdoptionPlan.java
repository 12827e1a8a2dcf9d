package org.khidmat.core.internal.deploy;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.osgi.framework.Version;

/**
 * What the deployer does at start with each agency bundle the framework restored from its cache, decided from what
 * it remembers committing ({@link DeployState}) and what the checks of the archived jars said: adopt it, or remove
 * it and leave it to the deploy folder, with the reason. {@link Adoption} acts on it.
 */
final class AdoptionPlan {
    private final Map<String, DeployState.Entry> remembered;
    private final ArchivedJars.Checked checked;
    private final Predicate<String> quarantined;

    /** @param quarantined whether a SHA-256 is quarantined (or cannot be told now) */
    AdoptionPlan(Map<String, DeployState.Entry> remembered, ArchivedJars.Checked checked, Predicate<String> quarantined) {
        this.remembered = remembered;
        this.checked = checked;
        this.quarantined = quarantined;
    }

    /** The order to take the cached bundles in: at the exact recorded location first, so an older one left beside it goes. */
    Comparator<String> order() {
        return Comparator.comparing((String location) -> !exactLocation(location));
    }

    /** @return whether the bundle at this location is the recorded archived jar of its bundle */
    boolean exactLocation(String location) {
        if (!Locations.isAgency(location)) {
            return false;
        }
        DeployState.Entry e = remembered.get(Locations.symbolicNameOf(location));
        return e != null && location.endsWith("/" + e.archivedJar());
    }

    /**
     * @param installedOnly whether the bundle is merely installed (not yet resolved)
     * @return whether it is resolved with the others in one pass of the resolver, before any is started
     */
    boolean resolveFirst(String location, boolean installedOnly) {
        if (!installedOnly || !exactLocation(location)) {
            return false;
        }
        Candidate c = checked.passed().get(Locations.symbolicNameOf(location));
        return c != null && !quarantined.test(c.sha256());
    }

    /**
     * @param adoptedAlready whether a bundle of the same symbolic name was adopted before this one
     * @return why the agency bundle at this location is not adopted, or empty when it is (once started and verified)
     */
    Optional<String> refusal(String location, Version version, boolean adoptedAlready) {
        String bsn = Locations.symbolicNameOf(location);
        Candidate c = checked.passed().get(bsn);
        if (c == null) {
            return Optional.of(checked.refused().getOrDefault(bsn, "no record of how it was deployed"));
        }
        if (adoptedAlready || !c.version().equals(version)) {
            return Optional.of("the cached bundle is not the recorded " + c.label());
        }
        if (quarantined.test(c.sha256())) {
            return Optional.of("it is quarantined");
        }
        return Optional.empty();
    }

    /** The checked jar of a bundle {@link #refusal} let through. */
    Candidate candidate(String symbolicName) {
        return checked.passed().get(symbolicName);
    }

    /** What was remembered of a bundle {@link #refusal} let through. */
    DeployState.Entry entry(String symbolicName) {
        return remembered.get(symbolicName);
    }
}
