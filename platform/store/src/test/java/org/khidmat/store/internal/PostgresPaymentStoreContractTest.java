package org.khidmat.store.internal;

import org.khidmat.testkit.store.PaymentStoreContract;
import org.khidmat.testkit.store.StoreUnderTest;

class PostgresPaymentStoreContractTest extends PaymentStoreContract {
    @Override
    protected StoreUnderTest open() {
        return PostgresStoreUnderTest.fresh();
    }
}
