package org.khidmat.store.internal;

import org.khidmat.testkit.store.AccountStoreContract;
import org.khidmat.testkit.store.StoreUnderTest;

class PostgresAccountStoreContractTest extends AccountStoreContract {
    @Override
    protected StoreUnderTest open() {
        return PostgresStoreUnderTest.fresh();
    }
}
