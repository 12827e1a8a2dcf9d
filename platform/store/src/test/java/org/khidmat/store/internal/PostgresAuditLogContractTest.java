package org.khidmat.store.internal;

import org.khidmat.testkit.store.AuditLogContract;
import org.khidmat.testkit.store.StoreUnderTest;

class PostgresAuditLogContractTest extends AuditLogContract {
    @Override
    protected StoreUnderTest open() {
        return PostgresStoreUnderTest.fresh();
    }
}
