package org.khidmat.store.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.testkit.store.ServiceStatesContract;
import org.khidmat.testkit.store.StoreUnderTest;

class SqliteServiceStatesContractTest extends ServiceStatesContract {
    @TempDir
    Path dir;

    @Override
    protected StoreUnderTest open() {
        return SqliteStoreUnderTest.in(dir);
    }
}
