package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.store.BundleOutcome;
import org.khidmat.api.store.BundleSet;
import org.khidmat.api.store.Signals;
import org.khidmat.api.store.WantedBundle;

/** Two stores over one database file stand for two nodes: what one writes to the bundle set, the other reads. */
class BundleSetTest {
    private static final Instant AT = Instant.parse("2026-12-02T08:00:00Z");
    @TempDir
    Path dir;

    private static WantedBundle wanted(String bsn, String version, String sha) {
        return WantedBundle.of(bsn, version, sha, "nadra", "admin", AT, "not needed", 0);
    }

    @Test
    void aChangeOnOneNodeIsReadByTheOtherWithItsJarAndARisingChangeNumber() {
        Path file = dir.resolve("shared.db");
        try (SqliteDatabase a = SqliteDatabase.open(file); SqliteDatabase b = SqliteDatabase.open(file)) {
            BundleSet nodeA = new SqlBundleSet(a);
            BundleSet nodeB = new SqlBundleSet(b);
            assertEquals(0, nodeB.change());
            assertEquals(List.of(), nodeB.wanted());
            byte[] jar = "jar bytes".getBytes(StandardCharsets.UTF_8);
            long first = nodeA.put(wanted("org.khidmat.plugins.nadra", "1.0.0", "aa"), jar);
            assertEquals(1, first);
            assertEquals(first, nodeB.change());
            WantedBundle seen = nodeB.wanted().get(0);
            assertEquals("org.khidmat.plugins.nadra 1.0.0", seen.toString());
            assertEquals("aa", seen.sha256());
            assertEquals(first, seen.change());
            assertEquals(AT, seen.at());
            assertArrayEquals(jar, nodeB.jar("org.khidmat.plugins.nadra").orElseThrow());
            long second = nodeA.put(wanted("org.khidmat.plugins.nadra", "1.1.0", "bb"), new byte[] {1, 2});
            assertTrue(second > first);
            assertEquals("1.1.0", nodeB.wanted().get(0).version());
            long third = nodeB.remove("org.khidmat.plugins.nadra");
            assertTrue(third > second);
            assertEquals(List.of(), nodeA.wanted());
            assertTrue(nodeA.jar("org.khidmat.plugins.nadra").isEmpty());
        }
    }

    @Test
    void outcomesArePerNodeAndReplaced() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("k.db"))) {
            BundleSet set = new SqlBundleSet(db);
            set.report(BundleOutcome.of("node-1", "x", "1.0.0", BundleOutcome.State.ACTIVE, null, AT));
            set.report(BundleOutcome.of("node-2", "x", "1.0.0", BundleOutcome.State.FAILED, "no native library", AT));
            set.report(BundleOutcome.of("node-1", "x", "1.1.0", BundleOutcome.State.REFUSED, "sha mismatch", AT));
            List<BundleOutcome> all = set.outcomes();
            assertEquals(2, all.size());
            assertEquals("node-1 1.1.0 REFUSED sha mismatch", line(all.get(0)));
            assertEquals("node-2 1.0.0 FAILED no native library", line(all.get(1)));
        }
    }

    private static String line(BundleOutcome o) {
        return o.node() + " " + o.version() + " " + o.state() + " " + o.message();
    }

    @Test
    void aJarChangedInTheDatabaseIsReadAsStoredSoTheNodeCanRefuseIt() throws Exception {
        Path file = dir.resolve("shared.db");
        try (SqliteDatabase a = SqliteDatabase.open(file)) {
            new SqlBundleSet(a).put(wanted("x", "1.0.0", "aa"), new byte[] {1, 2, 3});
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    PreparedStatement tamper = c.prepareStatement("UPDATE bundle_set SET jar = ? WHERE symbolic_name = 'x'")) {
                tamper.setBytes(1, new byte[] {9, 9, 9});
                tamper.executeUpdate();
            }
            assertArrayEquals(new byte[] {9, 9, 9}, new SqlBundleSet(a).jar("x").orElseThrow());
            assertEquals("aa", new SqlBundleSet(a).wanted().get(0).sha256());
        }
    }

    @Test
    void aSignalPublishedOnOneNodeIsHeardOnTheOtherWithinASecond() throws Exception {
        Path file = dir.resolve("shared.db");
        try (SqliteDatabase a = SqliteDatabase.open(file); SqliteDatabase b = SqliteDatabase.open(file);
                SqlSignals signalsA = new SqlSignals(a); SqlSignals signalsB = new SqlSignals(b)) {
            CountDownLatch heard = new CountDownLatch(1);
            CountDownLatch other = new CountDownLatch(1);
            Signals.Subscription s = signalsB.subscribe("service-states", heard::countDown);
            signalsB.subscribe("something-else", other::countDown);
            signalsA.publish("service-states");
            assertTrue(heard.await(1, TimeUnit.SECONDS), "node B did not hear node A's signal");
            assertEquals(1, other.getCount(), "a signal of another topic was heard");
            s.close();
            CountDownLatch afterClose = new CountDownLatch(1);
            signalsB.subscribe("bundles", afterClose::countDown);
            new SqlBundleSet(a).put(wanted("x", "1.0.0", "aa"), new byte[] {1});
            assertTrue(afterClose.await(1, TimeUnit.SECONDS), "a change of the bundle set is signalled with it");
        }
    }
}
