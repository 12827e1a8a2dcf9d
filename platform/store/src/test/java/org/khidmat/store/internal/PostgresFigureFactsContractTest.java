package org.khidmat.store.internal;

import org.khidmat.testkit.store.FigureFactsContract;
import org.khidmat.testkit.store.StoreUnderTest;

class PostgresFigureFactsContractTest extends FigureFactsContract {
    @Override
    protected StoreUnderTest open() {
        return PostgresStoreUnderTest.fresh();
    }
}
