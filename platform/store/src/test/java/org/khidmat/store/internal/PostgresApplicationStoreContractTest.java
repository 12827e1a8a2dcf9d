package org.khidmat.store.internal;

import org.khidmat.testkit.store.ApplicationStoreContract;
import org.khidmat.testkit.store.StoreUnderTest;

class PostgresApplicationStoreContractTest extends ApplicationStoreContract {
    @Override
    protected StoreUnderTest open() {
        return PostgresStoreUnderTest.fresh();
    }
}
