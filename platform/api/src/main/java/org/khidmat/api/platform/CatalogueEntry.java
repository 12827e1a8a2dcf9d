package org.khidmat.api.platform;

import org.khidmat.api.descriptor.ServiceDescriptor;

/**
 * A service as the centre offers it now.
 *
 * @param descriptor what the agency declared
 * @param symbolicName the bundle that declares it
 * @param bundleVersion that bundle's version
 * @param enabled whether citizens can apply now
 * @param disabledReason why not, as the admin wrote it for citizens, or {@code null}
 */
public record CatalogueEntry(ServiceDescriptor descriptor, String symbolicName, String bundleVersion,
        boolean enabled, String disabledReason) {

    /** @return the service id */
    public String id() {
        return descriptor.id();
    }
}
