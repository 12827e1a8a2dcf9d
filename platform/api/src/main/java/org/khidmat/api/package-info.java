/**
 * The agency SPI: what an agency's bundle declares and may implement.
 *
 * <p>An agency bundle announces its services with the {@link org.khidmat.api.AgencyBundle#SERVICES_HEADER}
 * manifest header, which names JSON descriptors inside the bundle. A bundle with descriptors and no code
 * works. Rules that data cannot express go into a {@link org.khidmat.api.ServiceHandler}.
 */
@Export
@Version("1.1.0")
package org.khidmat.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
