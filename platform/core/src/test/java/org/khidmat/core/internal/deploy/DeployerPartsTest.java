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
    void aQuarantinedHashIsRememberedAcrossRestartsAndATamperedLineIsIgnored() throws IOException {
        new Quarantine(dir).add(SHA, "org.acme.hang 1.0.0", "did not start within 3 s");
        Files.writeString(dir.resolve("quarantine.properties"), "../../etc=evil\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Quarantine again = new Quarantine(dir);
        assertTrue(again.reason(SHA).orElseThrow().contains("org.acme.hang 1.0.0: did not start within 3 s"));
        assertTrue(again.reason("b".repeat(64)).isEmpty());
        assertTrue(again.reason("../../etc").isEmpty(), "only SHA-256 keys are read back");
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
    void anApprovedHashStaysApprovedAndAWaitingJarIsFoundOnlyByItsHash() throws IOException {
        Approvals approvals = new Approvals(dir);
        approvals.approve(SHA, "admin");
        assertTrue(new Approvals(dir).isApproved(SHA));
        assertFalse(new Approvals(dir).isApproved("b".repeat(64)));
        assertTrue(approvals.waiting("../" + SHA).isEmpty(), "a path is not a hash");
        assertTrue(approvals.waiting(SHA).isEmpty(), "nothing waits under that hash");
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
