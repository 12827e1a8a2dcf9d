package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.StoreException;

/** A read that runs past its limit is cut, says why, and gives its reader back. */
class ReadLimitTest {
    /** Counts to ten thousand million: hours of work for SQLite. */
    private static final String ENDLESS = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
            + " WHERE i < 10000000000) SELECT COUNT(*) FROM n";

    @TempDir
    Path dir;
    private SqliteDatabase db;

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(dir.resolve("k.db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aLongQueryIsCutAtItsLimit() {
        StoreException e = assertThrows(StoreException.class,
                () -> db.read("count forever", Duration.ofMillis(200), c -> single(c, ENDLESS)));
        assertTrue(e.getMessage().contains("count forever") && e.getMessage().contains("limit"), e.getMessage());
    }

    @Test
    void everyReaderServesAgainAfterItsReadWasCut() {
        for (int i = 0; i < SqliteDatabase.READERS + 1; i++) {
            assertThrows(StoreException.class, () -> db.read("count forever", Duration.ofMillis(50), c -> single(c, ENDLESS)));
        }
        for (int i = 0; i < SqliteDatabase.READERS + 1; i++) {
            assertEquals(1L, (long) db.read("one", c -> single(c, "SELECT 1")));
        }
    }

    private static long single(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
