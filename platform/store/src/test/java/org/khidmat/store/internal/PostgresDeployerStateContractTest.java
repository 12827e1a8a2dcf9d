package org.khidmat.store.internal;

import org.khidmat.testkit.store.DeployerStateContract;
import org.khidmat.testkit.store.StoreUnderTest;

class PostgresDeployerStateContractTest extends DeployerStateContract {
    @Override
    protected StoreUnderTest open() {
        return PostgresStoreUnderTest.fresh();
    }
}
