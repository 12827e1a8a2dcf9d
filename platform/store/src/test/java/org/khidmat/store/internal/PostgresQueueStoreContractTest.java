package org.khidmat.store.internal;

import org.khidmat.testkit.store.QueueStoreContract;
import org.khidmat.testkit.store.StoreUnderTest;

class PostgresQueueStoreContractTest extends QueueStoreContract {
    @Override
    protected StoreUnderTest open() {
        return PostgresStoreUnderTest.fresh();
    }
}
