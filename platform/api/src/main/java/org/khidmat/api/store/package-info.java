/**
 * The store's contracts: how the platform's services keep applications, accounts, the audit chain, queue tokens,
 * appointments, payments, ratings, messages and service states. Split out of {@code org.khidmat.api.platform} so a
 * store (SQLite today, PostgreSQL next) is versioned on its own. The platform's stores implement these (provider
 * types); agencies neither see nor import this package (the deployer's wiring policy refuses it). 1.1 adds the state
 * that lived in one node's memory: {@link org.khidmat.api.store.SessionStore}, {@link org.khidmat.api.store.Throttles},
 * {@link org.khidmat.api.store.Leases} and the outbox's claims ({@link org.khidmat.api.store.NotificationStore#claim}).
 * 1.2 adds citizens' form drafts: {@link org.khidmat.api.store.DraftStore} and {@link org.khidmat.api.store.StoredDraft}.
 * 1.2 adds the deployer's state that lived in one node's files: {@link org.khidmat.api.store.BundleApprovals},
 * {@link org.khidmat.api.store.BundleQuarantine} and {@link org.khidmat.api.store.AgencyOwners}.
 * 1.3 adds {@link org.khidmat.api.store.AuditLog#actions}: one kind of audit event through an index.
 *
 * <p>What every store promises beyond each method's own words, checked for every implementation by the contract
 * suite in {@code org.khidmat.testkit.store} (the SQLite store runs it; a PostgreSQL store runs the same classes):
 * <ul>
 * <li>Times are kept to the millisecond: an {@link java.time.Instant} comes back truncated to whole milliseconds.</li>
 * <li>Text comes back exactly as given, whatever its length (a form answer of hundreds of kilobytes) and script,
 * except U+0000, which a caller must not send: PostgreSQL cannot hold it (its store refuses the value with a
 * {@link org.khidmat.api.platform.StoreException}) while SQLite keeps it.</li>
 * <li>Lists said to be "by" a name, id or reference are in the order of {@link String#compareTo}, never of a
 * language's collation (a PostgreSQL store compares such columns with {@code COLLATE "C"}).</li>
 * <li>A limit of 0 or less gives an empty list.</li>
 * <li>Bad input (a {@code null} where a value is required, a value the store cannot hold, a row it refers to that
 * does not exist) is refused with a {@link NullPointerException}, an {@link IllegalArgumentException} or a
 * {@link org.khidmat.api.platform.StoreException}, whose message names no CNIC; nothing of the call is stored,
 * its audit entry included.</li>
 * <li>Several nodes over one database keep every promise that speaks of callers "at once": a check and the change it
 * guards are one transaction in the database, not a lock in one JVM.</li>
 * </ul>
 */
@Export
@Version("1.4.0")
package org.khidmat.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
