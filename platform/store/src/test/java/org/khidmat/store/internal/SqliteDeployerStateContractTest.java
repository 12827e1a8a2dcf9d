package org.khidmat.store.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.testkit.store.DeployerStateContract;
import org.khidmat.testkit.store.StoreUnderTest;

class SqliteDeployerStateContractTest extends DeployerStateContract {
    @TempDir
    Path dir;

    @Override
    protected StoreUnderTest open() {
        return SqliteStoreUnderTest.in(dir);
    }
}
