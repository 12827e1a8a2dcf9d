package org.khidmat.api.store;

import org.khidmat.api.platform.StoreException;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Stored enablement of services. A service with no row is enabled.
 */
@ProviderType
public interface ServiceStates {

    /** @return every stored state, by service id as {@link String#compareTo} orders ids */
    Map<String, ServiceState> all();

    /**
     * Stores a state, replacing the one before.
     *
     * @param state the new state
     * @throws StoreException when it cannot be stored
     */
    void put(ServiceState state);

    /**
     * Stores a state and its audit entry in one transaction.
     *
     * @param state the new state; who set it and when are required
     * @param audit the audit entry, normally {@code service.enable} or {@code service.disable}
     * @throws StoreException when it cannot be stored (or {@link NullPointerException} when who or when is missing);
     *         nothing is stored then
     * @since 1.4
     */
    void put(ServiceState state, AuditNote audit);
}
