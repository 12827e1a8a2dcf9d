package org.khidmat.api.store;

import org.khidmat.api.platform.StoreException;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Stored enablement of services, in all centres or in one. In a centre, a service's state is the one set for that
 * centre if there is one, else the one set for all centres; a service with neither is enabled. Setting a state for
 * all centres clears the states set for single centres, so it then holds everywhere.
 */
@ProviderType
public interface ServiceStates {

    /** @return every state stored for all centres, by service id as {@link String#compareTo} orders ids */
    Map<String, ServiceState> all();

    /**
     * @param centre the centre's id
     * @return the states in force in that centre, by service id: its own where set, else those for all centres
     * @since 1.1
     */
    default Map<String, ServiceState> all(String centre) {
        return all();
    }

    /**
     * Stores a state, replacing the one before.
     *
     * @param state the new state
     * @throws StoreException when it cannot be stored
     */
    void put(ServiceState state);

    /**
     * Stores a state and its audit entry in one transaction; a state for all centres ({@link ServiceState#centre()}
     * {@code null}) replaces those set for single centres.
     *
     * @param state the new state; who set it and when are required
     * @param audit the audit entry, normally {@code service.enable} or {@code service.disable}
     * @throws StoreException when it cannot be stored (or {@link NullPointerException} when who or when is missing);
     *         nothing is stored then
     * @since 1.4
     */
    void put(ServiceState state, AuditNote audit);
}
