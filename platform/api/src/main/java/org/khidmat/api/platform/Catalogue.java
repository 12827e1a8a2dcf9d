package org.khidmat.api.platform;

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
}
