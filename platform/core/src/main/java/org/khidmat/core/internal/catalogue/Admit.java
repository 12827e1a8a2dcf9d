package org.khidmat.core.internal.catalogue;

import java.util.List;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.osgi.framework.Bundle;

/**
 * One bundle the deployer committed, for {@link CatalogueService#admitAll}.
 *
 * @param bundle the bundle to list
 * @param replaced the version it takes over from, or {@code null}
 * @param descriptors its descriptors as the deployer checked them in the jar it installed, or {@code null} to read
 *        them from the bundle
 */
public record Admit(Bundle bundle, Bundle replaced, List<ServiceDescriptor> descriptors) {
}
