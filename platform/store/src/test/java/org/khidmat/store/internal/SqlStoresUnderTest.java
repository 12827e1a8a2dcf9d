package org.khidmat.store.internal;

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
import org.khidmat.testkit.store.StoreUnderTest;

/**
 * The stores of one node for the contract suite, built over one database and audit chain as the DS components
 * build them; the engine's subclass opens the database and says how to tamper and how to be a second node.
 */
abstract class SqlStoresUnderTest implements StoreUnderTest {
    final Database database;
    final AuditChain chain;

    SqlStoresUnderTest(Database database, AuditChain chain) {
        this.database = database;
        this.chain = chain;
    }

    /** @return the audit chain over the database, its anchor signed by the first node only */
    static AuditChain chained(Database database, boolean first) {
        AuditChain chain = new AuditChain(database, TestChain.KEY, java.time.Clock.systemUTC());
        chain.signAnchor(first);
        return chain;
    }

    @Override
    public ApplicationStore applications() {
        return new SqlApplicationStore(database, chain);
    }

    @Override
    public AuditLog audit() {
        return new SqlAuditLog(database, chain);
    }

    @Override
    public AccountStore accounts() {
        return new SqlAccountStore(database, chain);
    }

    @Override
    public QueueStore queue() {
        return new SqlQueueStore(database, chain);
    }

    @Override
    public AppointmentStore appointments() {
        return new SqlAppointmentStore(database);
    }

    @Override
    public PaymentStore payments() {
        return new SqlPaymentStore(database, chain);
    }

    @Override
    public RatingStore ratings() {
        return new SqlRatingStore(database, chain);
    }

    @Override
    public NotificationStore notifications() {
        return new SqlNotificationStore(database);
    }

    @Override
    public ServiceStates serviceStates() {
        return new SqlServiceStates(database, chain);
    }

    @Override
    public BundleApprovals bundleApprovals() {
        return new SqlBundleApprovals(database);
    }

    @Override
    public BundleQuarantine bundleQuarantine() {
        return new SqlBundleQuarantine(database);
    }

    @Override
    public AgencyOwners agencyOwners() {
        return new SqlAgencyOwners(database);
    }
}
