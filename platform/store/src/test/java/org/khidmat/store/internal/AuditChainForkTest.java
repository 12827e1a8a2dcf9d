package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.store.AuditCheck;
import org.khidmat.api.store.AuditNote;

/**
 * Two nodes (two databases opened on one SQLite file, or two pools on one PostgreSQL database) file applications at
 * the same moment from many threads: every filing is stored, and the audit chain stays one chain (every entry follows
 * exactly the one before it, no two entries chain onto the same one). Without the head's lock on PostgreSQL, two
 * transactions read the same head and one of them fails (or, without the primary key, the chain forks). Each thread
 * files for a service of its own: filings of one service and day also meet on their {@code figure_day} row, which
 * would hide a missing head lock.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class AuditChainForkTest {
    private static final Instant T = Instant.parse("2026-05-04T05:06:07Z");
    private static final int THREADS = 8;
    private static final int EACH = 15;

    @Parameter
    Engine engine;
    @TempDir
    Path dir;

    @Test
    void twoNodesFilingAtOnceKeepOneChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS);
        try (Database one = engine.open(dir); Database two = engine.open(dir)) {
            List<SqlApplicationStore> nodes = List.of(new SqlApplicationStore(one, TestChain.of(one)),
                    new SqlApplicationStore(two, TestChain.of(two)));
            CyclicBarrier together = new CyclicBarrier(2 * THREADS);
            List<Future<Integer>> filed = new ArrayList<>();
            for (int t = 0; t < 2 * THREADS; t++) {
                SqlApplicationStore node = nodes.get(t % 2);
                int thread = t;
                filed.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    for (int i = 0; i < EACH; i++) {
                        String ref = "FORK-" + thread + "-" + i;
                        node.create(new ApplicationRecord(ref, "nadra.service-" + thread, 1, "nadra", "3520212345671", "normal",
                                Map.of(), "submitted", null, T, T), new StatusChange(ref, T, "citizen", null, "submitted",
                                null), AuditNote.of("citizen", "application.submit", ref, "node " + (thread % 2)));
                    }
                    return EACH;
                }));
            }
            int total = 0;
            for (Future<Integer> f : filed) {
                total += f.get(120, TimeUnit.SECONDS);
            }
            assertEquals(2 * THREADS * EACH, total);
            AuditCheck check = new SqlAuditLog(one, TestChain.of(one)).verify();
            assertTrue(check.intact(), check.message());
            assertEquals(2 * THREADS * EACH, check.entries(), "one entry per filing, in one chain");
            long[] counts = one.read("count the chain's links", c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                        "SELECT COUNT(*), COUNT(DISTINCT prev_hash), MAX(seq) FROM audit_log")) {
                    r.next();
                    return new long[] {r.getLong(1), r.getLong(2), r.getLong(3)};
                }
            });
            assertEquals(counts[0], counts[1], "no two entries chain onto the same entry (a fork)");
            assertEquals(counts[0], counts[2], "seq has no gap");
        } finally {
            pool.shutdownNow();
        }
    }
}
