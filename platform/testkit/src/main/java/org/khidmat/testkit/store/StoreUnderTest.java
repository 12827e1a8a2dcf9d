package org.khidmat.testkit.store;

import org.khidmat.api.store.AccountStore;
import org.khidmat.api.store.AgencyOwners;
import org.khidmat.api.store.ApplicationStore;
import org.khidmat.api.store.AppointmentStore;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.store.BundleApprovals;
import org.khidmat.api.store.BundleQuarantine;
import org.khidmat.api.store.NotificationStore;
import org.khidmat.api.store.PaymentStore;
import org.khidmat.api.store.QueueStore;
import org.khidmat.api.store.RatingStore;
import org.khidmat.api.store.ServiceStates;

/**
 * One store implementation as the contract suite sees it: the store objects of one node over one database that
 * holds nothing yet (a fresh file, a fresh schema, or tables emptied). A store's test tree implements this once and
 * returns a new one from each contract class's {@code open()}; the suite closes it after each test.
 */
public interface StoreUnderTest extends AutoCloseable {

    /** @return the applications, their history, the inbox and the figures */
    ApplicationStore applications();

    /** @return the audit log over the same database */
    AuditLog audit();

    /** @return accounts and tokens */
    AccountStore accounts();

    /** @return queue tokens and counters */
    QueueStore queue();

    /** @return appointments and slots */
    AppointmentStore appointments();

    /** @return payments */
    PaymentStore payments();

    /** @return ratings */
    RatingStore ratings();

    /** @return the outbox */
    NotificationStore notifications();

    /** @return the services' enablement */
    ServiceStates serviceStates();

    /** @return the jars waiting for approval and the approved hashes */
    BundleApprovals bundleApprovals();

    /** @return the quarantined jars */
    BundleQuarantine bundleQuarantine();

    /** @return the agencies' owning bundles */
    AgencyOwners agencyOwners();

    /**
     * Changes the stored detail of one audit entry, leaving its hash as it was, as someone who can write to the
     * database but does not hold the audit key would: past the store's own guards (triggers, rules, grants).
     *
     * @param seq the entry to change
     */
    void tamper(long seq);

    /**
     * The stores of a second node over the same database: its own connections and writer, as another process would
     * have. Concurrency tests spread their threads over this and the first node. Closed with this one. The default,
     * for a store that cannot open a second node, is this node itself.
     *
     * @return another node's stores
     */
    default StoreUnderTest otherNode() {
        return this;
    }

    /** Closes the database (and any other node opened); the test is over. */
    @Override
    void close();
}
