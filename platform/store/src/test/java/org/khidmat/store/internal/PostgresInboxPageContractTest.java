package org.khidmat.store.internal;

import org.khidmat.testkit.store.InboxPageContract;
import org.khidmat.testkit.store.StoreUnderTest;

class PostgresInboxPageContractTest extends InboxPageContract {
    @Override
    protected StoreUnderTest open() {
        return PostgresStoreUnderTest.fresh();
    }
}
