package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write connection keeps a larger page cache than SQLite's 2 MB: a filing inserts at a random place of five
 * indexes, and with 2 MB the writer read those pages again from the file (7 reads a filing at 270,000 applications,
 * 3 with 32 MB; issue 16). The readers keep SQLite's default.
 */
class WriterCacheTest {
    @TempDir
    Path dir;

    @Test
    void theWriterKeepsItsLargerCacheAndTheReadersTheDefault() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("k.db"))) {
            assertEquals(Integer.toString(-SqliteDatabase.WRITER_CACHE_KB),
                    db.write("read the writer's cache size", c -> SqliteDatabase.pragma(c, "cache_size")));
            assertEquals("-2000", db.read("read a reader's cache size", c -> SqliteDatabase.pragma(c, "cache_size")));
            assertEquals(32 * 1024, SqliteDatabase.WRITER_CACHE_KB, "32 MB, as distribution/README.md says");
        }
    }
}
