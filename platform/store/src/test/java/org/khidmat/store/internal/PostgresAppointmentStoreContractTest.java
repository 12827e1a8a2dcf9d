package org.khidmat.store.internal;

import org.khidmat.testkit.store.AppointmentStoreContract;
import org.khidmat.testkit.store.StoreUnderTest;

class PostgresAppointmentStoreContractTest extends AppointmentStoreContract {
    @Override
    protected StoreUnderTest open() {
        return PostgresStoreUnderTest.fresh();
    }
}
