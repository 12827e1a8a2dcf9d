package org.khidmat.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployer's parts that need no framework: quarantine, approvals, leaked threads, what a refused jar claimed. */
class DeployerPartsTest {
    private static final String SHA = "a".repeat(64);

    @TempDir
    Path dir;

    @Test
    void aHashQuarantinedOnOneNodeIsRefusedOnAnotherWithItsFirstReason() {
        MemoryDeployerState.Quarantined shared = MemoryDeployerState.empty().quarantine;
        new Quarantine(shared).add(SHA, "org.acme.hang 1.0.0", "did not start within 3 s");
        Quarantine otherNode = new Quarantine(shared);
        assertTrue(otherNode.reason(SHA).orElseThrow().contains("org.acme.hang 1.0.0: did not start within 3 s"));
        assertTrue(otherNode.reason("b".repeat(64)).isEmpty());
    }

    @Test
    void aQuarantineThatCannotBeReadRefusesTheJarSayingToTryAgain() {
        Quarantine unreadable = new Quarantine(new MemoryDeployerState.Quarantined() {
            @Override
            public synchronized java.util.Optional<String> reason(String sha256) {
                throw new org.khidmat.api.platform.StoreException("read whether a jar is quarantined", null);
            }
        });
        assertTrue(unreadable.reason(SHA).orElseThrow().contains("once the database answers"));
    }

    @Test
    void codeIsAnyClassActivatorComponentsOrInnerJarWhileDescriptorsAloneAreNot() throws IOException {
        assertFalse(Approvals.hasCode(jar("data.jar", Map.of(), Map.of("services/s.json", "{}"))));
        assertTrue(Approvals.hasCode(jar("class.jar", Map.of(), Map.of("org/acme/X.class", "cafe"))));
        assertTrue(Approvals.hasCode(jar("act.jar", Map.of("Bundle-Activator", "org.acme.A"), Map.of())));
        assertTrue(Approvals.hasCode(jar("ds.jar", Map.of("Service-Component", "OSGI-INF/x.xml"), Map.of())));
        assertTrue(Approvals.hasCode(jar("inner.jar", Map.of(), Map.of("lib/other.jar", "zip"))));
        assertTrue(Approvals.hasCode(jar("dyn.jar", Map.of("DynamicImport-Package", "*"), Map.of())));
        assertFalse(Approvals.hasCode(jar("dot.jar", Map.of("Bundle-ClassPath", "."), Map.of("services/s.json", "{}"))));
    }

    @Test
    void aJarParkedOnOneNodeIsListedAndApprovedOnAnotherOnceAndFoundOnlyByItsHash() throws Exception {
        MemoryDeployerState.Approvals shared = MemoryDeployerState.empty().approvals;
        Approvals node1 = new Approvals(shared, Files.createDirectories(dir.resolve("node1")));
        Approvals node2 = new Approvals(shared, Files.createDirectories(dir.resolve("node2")));
        Path jar = TestJars.jar(dir, "org.test.alpha", "1.1.0", "alpha", "Alpha", true);
        JarCheck check = new JarCheck(Limits.DEFAULT);
        Candidate c = check.check(jar);
        node1.park(jar, c, "alpha", "alpha-staff");

        List<org.khidmat.api.platform.PendingBundle> listed = node2.list(check);
        assertEquals(1, listed.size(), "node 2 lists the jar waiting on node 1");
        assertEquals(c.sha256(), listed.get(0).sha256());
        assertEquals(1, listed.get(0).classes());
        assertTrue(node2.take("../" + c.sha256(), "admin").isEmpty(), "a path is not a hash");
        Approvals.Waiting w = node2.take(c.sha256(), "admin").orElseThrow();
        assertEquals("alpha-staff", w.uploadedBy());
        assertEquals("alpha", w.agency());
        assertEquals(JarCheck.sha256(jar), JarCheck.sha256(w.jar()), "node 2 deploys the very bytes uploaded on node 1");
        node2.forget(c.sha256());
        assertFalse(Files.exists(w.jar()), "the work copy is gone after the deploy");

        assertTrue(node1.isApproved(c.sha256()), "approved on node 2, known on node 1");
        assertTrue(node1.take(c.sha256(), "admin2").isEmpty(), "approved once");
        assertEquals(List.of(), node1.list(check));
        assertFalse(node1.reject(c.sha256()), "nothing waits to be rejected");
    }

    @Test
    void aThreadRunningTheBundlesClassesIsFoundAndOneMadeLaterIsNot() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        Thread leaky = new Thread(new Worker(stop), "leaky-worker");
        leaky.start();
        while (leaky.getState() != Thread.State.WAITING) {
            Thread.onSpinWait(); // until it runs the bundle's code and waits in it
        }
        try {
            Set<String> classes = Set.of(Worker.class.getName());
            assertEquals(List.of("leaky-worker"), Leaks.running(classes, Long.MAX_VALUE));
            assertEquals(List.of(), Leaks.running(classes, leaky.getId() - 1), "born after the new version started");
            assertEquals(List.of(), Leaks.running(Set.of("org.acme.Other"), Long.MAX_VALUE));
        } finally {
            stop.countDown();
            leaky.join();
        }
        assertEquals(List.of(), Leaks.running(Set.of(Worker.class.getName()), Long.MAX_VALUE), "gone once it ended");
    }

    @Test
    void theClassNamesOfAJarAreReadFromItsEntries() throws IOException {
        Path jar = jar("c.jar", Map.of(), Map.of("org/acme/A.class", "x", "org/acme/B$1.class", "x", "META-INF/x.class", "x"));
        assertEquals(Set.of("org.acme.A", "org.acme.B$1"), Leaks.classNames(jar));
    }

    @Test
    void whatARefusedJarClaimedIsMadeSafeForLogsAndVerdicts() throws IOException {
        assertEquals("org.acme.x", Claimed.symbolicName(jar("ok.jar", Map.of("Bundle-SymbolicName", "org.acme.x;singleton:=true"), Map.of())));
        assertEquals(".._.._conf_evil_line", Claimed.symbolicName(jar("evil.jar",
                Map.of("Bundle-SymbolicName", "../../conf/evil line"), Map.of())));
        assertNull(Claimed.symbolicName(jar("none.jar", Map.of(), Map.of())));
        Path notAJar = Files.writeString(dir.resolve("x.jar"), "not a zip");
        assertNull(Claimed.symbolicName(notAJar));
    }

    @Test
    void theStartLimitComesFromConfigurationWithinBounds() {
        assertEquals(Limits.DEFAULT, Limits.from(null));
        assertEquals(3, Limits.from(" 3 ").startTimeout().toSeconds());
        assertTrue(assertThrowsMessage(() -> Limits.from("0")).contains("from 1 to 300"));
        assertTrue(assertThrowsMessage(() -> Limits.from("soon")).contains("whole number of seconds"));
    }

    private static String assertThrowsMessage(Runnable r) {
        return org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    /** Runs until told to stop: the kind of thread a bundle might leave behind. */
    private static final class Worker implements Runnable {
        private final CountDownLatch stop;

        Worker(CountDownLatch stop) {
            this.stop = stop;
        }

        @Override
        public void run() {
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Path jar(String name, Map<String, String> headers, Map<String, String> entries) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> m.getMainAttributes().put(new Attributes.Name(k), v));
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, m)) {
            for (var e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return file;
    }
}
