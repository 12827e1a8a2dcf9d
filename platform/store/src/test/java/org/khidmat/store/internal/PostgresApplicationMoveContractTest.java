package org.khidmat.store.internal;

import org.khidmat.testkit.store.ApplicationMoveContract;
import org.khidmat.testkit.store.StoreUnderTest;

class PostgresApplicationMoveContractTest extends ApplicationMoveContract {
    @Override
    protected StoreUnderTest open() {
        return PostgresStoreUnderTest.fresh();
    }
}
