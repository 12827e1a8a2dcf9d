package org.khidmat.store.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.testkit.store.ApplicationMoveContract;
import org.khidmat.testkit.store.StoreUnderTest;

class SqliteApplicationMoveContractTest extends ApplicationMoveContract {
    @TempDir
    Path dir;

    @Override
    protected StoreUnderTest open() {
        return SqliteStoreUnderTest.in(dir);
    }
}
