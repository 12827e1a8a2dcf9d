package org.khidmat.store.internal;

import org.khidmat.testkit.store.NotificationStoreContract;
import org.khidmat.testkit.store.StoreUnderTest;

class PostgresNotificationStoreContractTest extends NotificationStoreContract {
    @Override
    protected StoreUnderTest open() {
        return PostgresStoreUnderTest.fresh();
    }
}
