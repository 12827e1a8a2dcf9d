package org.khidmat.store.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.testkit.store.QueueStoreContract;
import org.khidmat.testkit.store.StoreUnderTest;

class SqliteQueueStoreContractTest extends QueueStoreContract {
    @TempDir
    Path dir;

    @Override
    protected StoreUnderTest open() {
        return SqliteStoreUnderTest.in(dir);
    }
}
