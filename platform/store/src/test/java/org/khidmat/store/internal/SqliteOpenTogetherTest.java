package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes started together open one new SQLite file at the same moment: each open waits for the others (the file is
 * made, switched to WAL and migrated once) instead of failing with "database is locked".
 */
class SqliteOpenTogetherTest {
    @TempDir
    Path dir;

    @Test
    void eightNodesOpeningANewFileTogetherAllOpenIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 15; round++) {
                Path file = dir.resolve("round-" + round + "/k.db");
                CountDownLatch go = new CountDownLatch(1);
                List<Future<SqliteDatabase>> opened = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    opened.add(pool.submit(() -> {
                        go.await();
                        return SqliteDatabase.open(file);
                    }));
                }
                go.countDown();
                List<SqliteDatabase> open = new ArrayList<>();
                List<String> failures = new ArrayList<>();
                for (Future<SqliteDatabase> f : opened) {
                    try {
                        open.add(f.get(60, TimeUnit.SECONDS));
                    } catch (java.util.concurrent.ExecutionException e) {
                        failures.add(String.valueOf(e.getCause().getCause()));
                    }
                }
                open.forEach(SqliteDatabase::close);
                assertEquals(List.of(), failures, "round " + round + ": every node opens the new file");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
