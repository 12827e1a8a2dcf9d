package org.khidmat.store.internal;

import org.khidmat.testkit.store.ServiceStatesContract;
import org.khidmat.testkit.store.StoreUnderTest;

class PostgresServiceStatesContractTest extends ServiceStatesContract {
    @Override
    protected StoreUnderTest open() {
        return PostgresStoreUnderTest.fresh();
    }
}
