package org.khidmat.store.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.testkit.store.AuditLogContract;
import org.khidmat.testkit.store.StoreUnderTest;

class SqliteAuditLogContractTest extends AuditLogContract {
    @TempDir
    Path dir;

    @Override
    protected StoreUnderTest open() {
        return SqliteStoreUnderTest.in(dir);
    }
}
