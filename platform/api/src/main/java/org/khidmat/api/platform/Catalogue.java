package org.khidmat.api.platform;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Every service of every deployed agency bundle, read from descriptors without starting plugin code.
 */
@ProviderType
public interface Catalogue {

    /** @return every service, enabled or not, sorted by agency code then id */
    List<CatalogueEntry> services();

    /**
     * @param id a service id
     * @return the service, if a deployed bundle declares it
     */
    Optional<CatalogueEntry> service(String id);

    /**
     * Enables or disables a service; the choice is stored and survives restarts and redeploys.
     *
     * @param id a service id
     * @param enabled the new state
     * @param reason why, shown to citizens while it is disabled; may be {@code null}
     * @param actor who did it, for the audit log
     * @return the entry as it is now
     * @throws NoSuchElementException when no deployed bundle declares that service
     */
    CatalogueEntry setEnabled(String id, boolean enabled, String reason, String actor);

    /**
     * Enables or disables a service in all centres (as {@link #setEnabled(String, boolean, String, String)}) or in
     * the centre this node serves only ({@link Centre#id()}); a centre's own choice beats the one for all centres
     * there, until a choice for all centres is made again.
     *
     * @param id a service id
     * @param enabled the new state
     * @param reason why, shown to citizens while it is disabled; may be {@code null}
     * @param actor who did it, for the audit log
     * @param thisCentreOnly {@code true} for this node's centre only
     * @return the entry as it is now in this centre
     * @throws NoSuchElementException when no deployed bundle declares that service
     * @since 2.1
     */
    default CatalogueEntry setEnabled(String id, boolean enabled, String reason, String actor, boolean thisCentreOnly) {
        return setEnabled(id, enabled, reason, actor);
    }

    /**
     * A cheap stamp of what {@link #services()} answers: it changes whenever a service is listed or withdrawn, a
     * bundle is updated, or a service's enablement changes (also when another node changed it, once this node has
     * read the enablement again). Readers may keep anything they derived from the list for as long as the stamp is
     * the same. Only equality is meaningful; the stamp is not ordered across restarts.
     *
     * <p>The default derives the stamp from the whole list, which is correct but costs as much as reading it;
     * implementations should keep a counter.
     *
     * @return the stamp of the catalogue as it is now
     * @since 1.5
     */
    default long version() {
        return services().hashCode();
    }

    /**
     * When a service last changed for citizens: its bundle was deployed or updated, or its enablement was changed,
     * whichever came last.
     *
     * @param id a service id
     * @return that instant, or empty when the service is not listed or the time is not known
     * @since 1.5
     */
    default Optional<Instant> changedAt(String id) {
        return Optional.empty();
    }
}
