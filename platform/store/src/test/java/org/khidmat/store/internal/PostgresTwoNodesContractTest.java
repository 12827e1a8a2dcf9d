package org.khidmat.store.internal;

import org.khidmat.testkit.store.StoreUnderTest;
import org.khidmat.testkit.store.TwoNodesContract;

class PostgresTwoNodesContractTest extends TwoNodesContract {
    @Override
    protected StoreUnderTest open() {
        return PostgresStoreUnderTest.fresh();
    }
}
