/**
 * The store's contracts: how the platform's services keep applications, accounts, the audit chain, queue tokens,
 * appointments, payments, ratings, messages and service states. Split out of {@code org.khidmat.api.platform} so a
 * store (SQLite today, PostgreSQL next) is versioned on its own. The platform's stores implement these (provider
 * types); agencies neither see nor import this package (the deployer's wiring policy refuses it).
 */
@Export
@Version("1.1.0")
package org.khidmat.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
