/**
 * The platform's own services, through which its bundles talk to each other: the catalogue, the
 * deployer, and the store. Agencies do not implement these; the platform does (provider types), so
 * adding a method here is a minor change.
 */
@Export
@Version("2.3.0")
package org.khidmat.api.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
