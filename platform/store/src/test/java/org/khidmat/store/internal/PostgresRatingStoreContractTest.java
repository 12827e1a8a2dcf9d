package org.khidmat.store.internal;

import org.khidmat.testkit.store.RatingStoreContract;
import org.khidmat.testkit.store.StoreUnderTest;

class PostgresRatingStoreContractTest extends RatingStoreContract {
    @Override
    protected StoreUnderTest open() {
        return PostgresStoreUnderTest.fresh();
    }
}
