package org.khidmat.store.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.testkit.store.StoreUnderTest;
import org.khidmat.testkit.store.TwoNodesContract;

class SqliteTwoNodesContractTest extends TwoNodesContract {
    @TempDir
    Path dir;

    @Override
    protected StoreUnderTest open() {
        return SqliteStoreUnderTest.in(dir);
    }
}
