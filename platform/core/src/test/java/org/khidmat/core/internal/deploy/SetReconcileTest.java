package org.khidmat.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.DeployResult;
import org.khidmat.api.store.BundleOutcome;
import org.khidmat.api.store.WantedBundle;

/**
 * Two nodes over one bundle set ({@link MemoryBundleSet} stands for the shared database): what node A writes, node B
 * reconciles to, through its deployer's steps, and only from a jar whose bytes have its row's SHA-256.
 */
class SetReconcileTest {
    @TempDir
    Path dir;
    private final MemoryBundleSet set = new MemoryBundleSet();

    /** Node B's deployer, as the reconcile sees it: what it runs, and the steps asked of it. */
    private final class Node implements SetReconcile.Steps {
        final Map<String, String> running = new TreeMap<>();
        final List<String> asked = new ArrayList<>();
        final List<byte[]> jars = new ArrayList<>();

        @Override
        public Map<String, String> running() {
            return running;
        }

        @Override
        public DeployResult deploy(Path jar, WantedBundle wanted) {
            try {
                jars.add(Files.readAllBytes(jar));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            asked.add("deploy " + wanted);
            running.put(wanted.symbolicName(), wanted.sha256());
            return new DeployResult(true, wanted.symbolicName(), wanted.version(), List.of(), "deployed", 1);
        }

        @Override
        public DeployResult withdraw(String symbolicName) {
            asked.add("withdraw " + symbolicName);
            running.remove(symbolicName);
            return new DeployResult(true, symbolicName, null, List.of(), "withdrew", 1);
        }

        @Override
        public void seed() {
            asked.add("seed");
        }
    }

    private SetReconcile reconcile(Node node, String name) {
        return new SetReconcile(set, new SetJars(set, dir), new SetRecord(set, name), node);
    }

    private static WantedBundle wanted(String bsn, String version, byte[] jar) {
        return WantedBundle.of(bsn, version, SetJars.sha256(jar), "nadra", "admin", Instant.EPOCH, "not needed", 0);
    }

    @Test
    void aBundleWrittenByNodeAIsDeployedByNodeBAndAWithdrawalWithdrawn() {
        Node b = new Node();
        SetReconcile nodeB = reconcile(b, "node-b");
        nodeB.atStart();
        assertEquals(List.of("seed"), b.asked, "an empty set never written is seeded from what the node runs");
        byte[] jar = "a jar".getBytes(StandardCharsets.UTF_8);
        set.put(wanted("org.khidmat.plugins.nadra", "1.0.0", jar), jar); // node A's deploy
        nodeB.reconcile();
        assertEquals(List.of("seed", "deploy org.khidmat.plugins.nadra 1.0.0"), b.asked);
        assertArrayEquals(jar, b.jars.get(0));
        nodeB.reconcile();
        assertEquals(2, b.asked.size(), "nothing changed: nothing done");
        assertEquals("node-b org.khidmat.plugins.nadra 1.0.0 ACTIVE", line(set.outcomes().get(0)));

        set.remove("org.khidmat.plugins.nadra"); // node A's withdrawal
        nodeB.reconcile();
        assertEquals("withdraw org.khidmat.plugins.nadra", b.asked.get(2));
        assertTrue(b.running.isEmpty());
        assertEquals(List.of(), leftovers(), "the jar taken out of the database is deleted after the deploy");
    }

    @Test
    void aJarWhoseBytesAreNotThoseOfItsRowIsRefusedAndNeverInstalled() {
        Node b = new Node();
        SetReconcile nodeB = reconcile(b, "node-b");
        nodeB.atStart();
        byte[] jar = "the real jar".getBytes(StandardCharsets.UTF_8);
        set.put(wanted("org.khidmat.plugins.nadra", "1.0.0", jar), jar);
        set.tamper("org.khidmat.plugins.nadra", "a changed jar".getBytes(StandardCharsets.UTF_8));
        nodeB.reconcile();
        assertEquals(List.of("seed"), b.asked, "the deployer was asked to install a tampered jar");
        BundleOutcome o = set.outcomes().get(0);
        assertEquals(BundleOutcome.State.REFUSED, o.state());
        assertTrue(o.message().contains("SHA-256"), o.message());
        assertEquals(List.of(), leftovers(), "a tampered jar was written to the archive");
    }

    @Test
    void aNodeThatWasDownCatchesUpAtStartWithoutSeeding() {
        byte[] one = "one".getBytes(StandardCharsets.UTF_8);
        byte[] two = "two".getBytes(StandardCharsets.UTF_8);
        set.put(wanted("a", "1.0.0", one), one);
        set.put(wanted("b", "1.0.0", two), two);
        set.put(wanted("a", "1.1.0", two), two);
        Node b = new Node();
        b.running.put("a", SetJars.sha256(one));
        b.running.put("gone", "ff");
        reconcile(b, "node-b").atStart();
        assertEquals(List.of("withdraw gone", "deploy b 1.0.0", "deploy a 1.1.0"), b.asked);
    }

    private List<String> leftovers() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String line(BundleOutcome o) {
        return o.node() + " " + o.symbolicName() + " " + o.version() + " " + o.state();
    }
}
