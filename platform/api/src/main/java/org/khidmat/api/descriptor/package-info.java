/**
 * The service descriptor: the data an agency writes to describe one service, and the one parser and
 * validator the centre and the agencies' own builds use to read it. The format is documented in the
 * README of {@code platform/api}.
 *
 * <p>The types here are created by {@link org.khidmat.api.descriptor.Descriptors} only; agencies read them.
 */
@Export
@Version("1.3.0")
package org.khidmat.api.descriptor;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
