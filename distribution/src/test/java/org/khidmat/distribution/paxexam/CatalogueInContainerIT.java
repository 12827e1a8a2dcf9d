package org.khidmat.distribution.paxexam;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.DeployResult;
import org.khidmat.api.platform.DeployedBundle;
import org.khidmat.api.platform.Deployer;
import org.khidmat.distribution.TestBundles;
import org.khidmat.distribution.ThrowingActivator;
import org.khidmat.launcher.SystemPackages;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The real platform bundles of the built centre ({@code khidmat.dist}/bundles) in Felix, with the catalogue and
 * the deployer injected: deploy, update, refused update, rollback, withdraw, and refusal of a jar that is no
 * bundle. Each test works on its own bundle and service id, so the tests do not depend on their order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CatalogueInContainerIT {
    private static final String ACTOR = "it";

    @Inject
    private Deployer deployer;

    @Inject
    private Catalogue catalogue;

    /** Where the tests write their jars (in the container): never inside khidmat.home, whose deploy/ must hold none. */
    private static Path jars;

    @Configuration
    public Option[] config() throws IOException {
        Path dist = Path.of(System.getProperty("khidmat.dist", "target/khidmat")).toAbsolutePath();
        Path bundles = dist.resolve("bundles");
        if (!Files.isDirectory(bundles)) {
            throw new IllegalStateException(bundles + " is missing: build the centre first (mvn install -DskipTests)");
        }
        List<Option> options = new ArrayList<>();
        try (Stream<Path> files = Files.list(bundles)) {
            files.filter(f -> f.toString().endsWith(".jar")).sorted()
                    .forEach(jar -> options.add(bundle(jar.toUri().toString())));
        }
        Path home = Files.createTempDirectory("khidmat-it-home-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(home)));
        List<Path> lib;
        try (Stream<Path> files = Files.list(dist.resolve("lib"))) {
            lib = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
        return options(
                // as the launcher does: SLF4J, Jetty, Jackson and sqlite-jdbc are on the class path and the system
                // bundle exports their packages; Pax Exam's own bundles import org.slf4j [1.4,2), so the same
                // classes are offered to them as 1.7.36 as well
                systemPackages(SystemPackages.exportedBy(lib), "org.slf4j;version=\"1.7.36\""),
                frameworkProperty("khidmat.home").value(home.toString()),
                frameworkProperty("khidmat.port").value(Integer.toString(freePort())),
                frameworkProperty("khidmat.host").value("127.0.0.1"),
                junitBundles(),
                composite(options.toArray(Option[]::new)));
    }

    @Before
    public void deployerReady() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!deployer.ready() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue("the deployer did not become ready", deployer.ready());
    }

    @Test
    public void deployedDescriptorOnlyBundleIsInTheCatalogue() {
        DeployResult r = deploy(agency("org.acme.one", "1.0.0", "one.svc", "One v1"));
        assertTrue(r.message(), r.ok());
        assertEquals("org.acme.one", r.symbolicName());
        assertEquals("1.0.0", r.version());
        assertEquals(List.of("one.svc"), r.services());

        CatalogueEntry e = only("one.svc");
        assertEquals("One v1", e.descriptor().title().en());
        assertEquals("org.acme.one", e.symbolicName());
        assertEquals("1.0.0", e.bundleVersion());
        assertTrue(e.enabled());
        assertEquals(e, catalogue.service("one.svc").orElseThrow());

        DeployedBundle b = deployed("org.acme.one").orElseThrow();
        assertEquals("1.0.0", b.version());
        assertEquals("ACTIVE", b.state());
        assertEquals(List.of("one.svc"), b.services());
        assertEquals(ACTOR, b.deployedBy());
        assertNull(b.previousVersion());
    }

    @Test
    public void higherVersionReplacesTheDeployedOne() {
        assertTrue(deploy(agency("org.acme.two", "1.0.0", "two.svc", "Two v1")).ok());
        DeployResult r = deploy(agency("org.acme.two", "2.0.0", "two.svc", "Two v2"));
        assertTrue(r.message(), r.ok());
        assertEquals("2.0.0", r.version());

        CatalogueEntry e = only("two.svc");
        assertEquals("Two v2", e.descriptor().title().en());
        assertEquals("org.acme.two", e.symbolicName());
        assertEquals("2.0.0", e.bundleVersion());
        DeployedBundle b = deployed("org.acme.two").orElseThrow();
        assertEquals("2.0.0", b.version());
        assertEquals("1.0.0", b.previousVersion());
        assertEquals(1, deployer.bundles().stream().filter(d -> d.symbolicName().equals("org.acme.two")).count());
    }

    @Test
    public void brokenUpdateIsRefusedAndTheDeployedVersionKeepsServing() {
        assertTrue(deploy(agency("org.acme.three", "1.0.0", "three.svc", "Three v1")).ok());
        assertTrue(deploy(agency("org.acme.three", "2.0.0", "three.svc", "Three v2")).ok());

        DeployResult r = deploy(agency("org.acme.three", "3.0.0", "three.svc", "Three v3")
                .activator(ThrowingActivator.class));
        assertFalse("a bundle whose activator throws was deployed", r.ok());
        assertTrue(r.message(), r.message().contains("failed to start"));
        assertTrue(r.message(), r.message().contains("agency code failed on purpose"));
        assertEquals("org.acme.three", r.symbolicName());
        assertEquals("the version in force", "2.0.0", r.version());

        CatalogueEntry e = only("three.svc");
        assertEquals("Three v2", e.descriptor().title().en());
        assertEquals("2.0.0", e.bundleVersion());
        DeployedBundle b = deployed("org.acme.three").orElseThrow();
        assertEquals("2.0.0", b.version());
        assertEquals("ACTIVE", b.state());
        assertEquals("1.0.0", b.previousVersion());
    }

    @Test
    public void rollbackGoesBackToThePreviousVersion() {
        assertTrue(deploy(agency("org.acme.four", "1.0.0", "four.svc", "Four v1")).ok());
        assertTrue(deploy(agency("org.acme.four", "2.0.0", "four.svc", "Four v2")).ok());
        assertEquals("2.0.0", only("four.svc").bundleVersion());

        DeployResult r = deployer.rollback("org.acme.four", ACTOR);
        assertTrue(r.message(), r.ok());
        assertEquals("1.0.0", r.version());

        CatalogueEntry e = only("four.svc");
        assertEquals("Four v1", e.descriptor().title().en());
        assertEquals("1.0.0", e.bundleVersion());
        DeployedBundle b = deployed("org.acme.four").orElseThrow();
        assertEquals("1.0.0", b.version());
        assertEquals("ACTIVE", b.state());

        DeployResult again = deployer.rollback("org.acme.four", ACTOR);
        assertFalse("rolled back past the first version: " + again.message(), again.ok());
        assertEquals("1.0.0", only("four.svc").bundleVersion());
    }

    @Test
    public void withdrawRemovesTheBundleAndItsServices() {
        assertTrue(deploy(agency("org.acme.five", "1.0.0", "five.svc", "Five v1")).ok());
        assertTrue(catalogue.service("five.svc").isPresent());

        DeployResult r = deployer.withdraw("org.acme.five", ACTOR);
        assertTrue(r.message(), r.ok());
        assertNull(r.version());

        assertTrue(catalogue.service("five.svc").isEmpty());
        assertTrue(catalogue.services().stream().noneMatch(e -> e.id().equals("five.svc")));
        assertTrue(deployed("org.acme.five").isEmpty());
        assertFalse("withdrew a bundle twice", deployer.withdraw("org.acme.five", ACTOR).ok());
    }

    @Test
    public void jarsThatAreNoAgencyBundleAreRefused() {
        List<DeployedBundle> before = deployer.bundles();
        int services = catalogue.services().size();

        DeployResult plain = deploy(TestBundles.plainJar());
        assertFalse("a plain jar was deployed", plain.ok());
        assertTrue(plain.message(), plain.message().contains("not an OSGi bundle"));
        assertNull(plain.symbolicName());

        DeployResult platform = deploy(agency("org.khidmat.core", "9.0.0", "impostor.svc", "Impostor"));
        assertFalse("a platform bundle was deployed as an agency bundle", platform.ok());
        assertTrue(platform.message(), platform.message().contains("part of the centre itself"));

        assertEquals(before, deployer.bundles());
        assertEquals(services, catalogue.services().size());
        assertTrue(catalogue.service("impostor.svc").isEmpty());
    }

    private static TestBundles agency(String symbolicName, String version, String serviceId, String title) {
        return TestBundles.bundle(symbolicName, version).descriptor("svc",
                TestBundles.descriptor(serviceId, serviceId.substring(0, serviceId.indexOf('.')), title,
                        Integer.parseInt(version.split("\\.")[0])));
    }

    @Test
    public void anAgencyMayDeployItsOwnBundlesOnly() {
        DeployResult foreign = deployFor(agency("org.acme.scoped", "1.0.0", "scoped.svc", "Scoped"), "nadra");
        assertFalse("nadra deployed acme's bundle", foreign.ok());
        assertEquals("bundle org.acme.scoped 1.0.0 declares services of agency scoped; an account of agency nadra may "
                + "deploy that agency's bundles only", foreign.message());
        assertTrue(catalogue.service("scoped.svc").isEmpty());

        DeployResult own = deployFor(agency("org.acme.scoped", "1.0.0", "scoped.svc", "Scoped"), "scoped");
        assertTrue(own.message(), own.ok());
        DeployedBundle listed = deployer.bundles().stream().filter(b -> b.symbolicName().equals("org.acme.scoped"))
                .findFirst().orElseThrow();
        assertEquals("scoped", listed.agency());
        assertEquals(ACTOR, listed.deployedBy());
        assertTrue(deployer.withdraw("org.acme.scoped", ACTOR).ok());
    }

    private DeployResult deployFor(TestBundles jar, String agency) {
        try {
            Path file = Files.createTempFile("bundle-", ".jar");
            try {
                return deployer.deployFor(jar.writeTo(file), ACTOR, agency);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DeployResult deploy(TestBundles jar) {
        try {
            if (jars == null) {
                jars = Files.createTempDirectory("khidmat-it-jars-");
                Path folder = jars;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(folder)));
            }
            Path file = Files.createTempFile(jars, "bundle-", ".jar");
            return deployer.deploy(jar.writeTo(file), ACTOR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one catalogue entry for a service id: fails when there is none or more than one. */
    private CatalogueEntry only(String serviceId) {
        List<CatalogueEntry> entries = catalogue.services().stream().filter(e -> e.id().equals(serviceId)).toList();
        assertEquals("catalogue entries for " + serviceId + ": " + entries, 1, entries.size());
        assertNotNull(entries.get(0).descriptor());
        return entries.get(0);
    }

    private Optional<DeployedBundle> deployed(String symbolicName) {
        return deployer.bundles().stream().filter(b -> b.symbolicName().equals(symbolicName)).findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp folder left behind is no failure
        }
    }
}
