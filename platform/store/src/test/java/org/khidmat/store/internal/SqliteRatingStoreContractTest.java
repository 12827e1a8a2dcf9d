package org.khidmat.store.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.testkit.store.RatingStoreContract;
import org.khidmat.testkit.store.StoreUnderTest;

class SqliteRatingStoreContractTest extends RatingStoreContract {
    @TempDir
    Path dir;

    @Override
    protected StoreUnderTest open() {
        return SqliteStoreUnderTest.in(dir);
    }
}
