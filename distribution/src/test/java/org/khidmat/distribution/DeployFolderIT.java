package org.khidmat.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real distribution, driven as an agency and an operator would: jars copied into and deleted from
 * deploy/, and the answers of the HTTP API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployFolderIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SAMPLES = SamplePlugins.serviceIds();

    @TempDir
    static Path temp;
    private Centre centre;

    @BeforeAll
    void start() throws Exception {
        centre = Centre.install(temp.resolve("centre")).start();
    }

    @AfterAll
    void stop() throws Exception {
        if (centre != null) {
            centre.stop();
        }
    }

    @Test
    @Order(1)
    void startsWithTheSampleAgenciesAndTheContractFields() throws Exception {
        assertTrue(centre.readyLine().contains("serving " + SAMPLES.size() + " services from " + SamplePlugins.agencies() + " agencies"), centre.readyLine());
        HttpResponse<String> health = centre.get("/health");
        assertEquals(200, health.statusCode());
        assertEquals("UP", JSON.readTree(health.body()).get("status").asText());
        JsonNode services = services();
        assertEquals(SAMPLES, ids(services));
        for (JsonNode s : services) {
            for (String field : List.of("id", "agency", "category", "title", "enabled", "bundle")) {
                assertTrue(s.has(field), "service lacks " + field + ": " + s);
            }
            assertFalse(s.get("title").get("en").asText().isBlank());
            assertFalse(s.get("title").get("ur").asText().isBlank());
            assertTrue(s.get("enabled").asBoolean());
            assertTrue(s.get("bundle").get("symbolicName").asText().startsWith("org.khidmat.plugins."));
        }
        assertTrue(centre.get("/").body().contains("Renew your CNIC"));
        assertEquals("nadra.cnic-renewal", JSON.readTree(centre.get("/api/v1/services/nadra.cnic-renewal").body()).get("id").asText());
    }

    @Test
    void badRequestsGetAClearFourHundredNeverATrace() throws Exception {
        HttpResponse<String> unknown = centre.get("/api/v1/services/nadra.no-such-thing");
        assertEquals(404, unknown.statusCode());
        assertEquals("no service nadra.no-such-thing in this centre", JSON.readTree(unknown.body()).get("error").asText());
        HttpResponse<String> badId = centre.get("/api/v1/services/..%2F..%2Fetc");
        assertTrue(badId.statusCode() == 400 || badId.statusCode() == 404, "status " + badId.statusCode());
        assertFalse(badId.body().contains("Exception"), badId.body());
        HttpResponse<String> post = centre.send(HttpRequest.newBuilder(java.net.URI.create(centre.url("/api/v1/services")))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
        assertEquals(404, centre.get("/no/such/page").statusCode());
    }

    @Test
    void deployReplaceAndWithdrawThroughTheFolder() throws Exception {
        Path elsewhere = TestBundles.bundle("org.acme.permits", "1.0.0")
                .descriptor("permit", TestBundles.descriptor("permit.svc", "permit", "Permit v1"))
                .writeTo(temp.resolve("permits-v1.jar"));
        Files.move(elsewhere, centre.deploy().resolve("permits.jar"), StandardCopyOption.ATOMIC_MOVE);
        assertTrue(Centre.await(WAIT, () -> title("permit.svc").equals(Optional.of("Permit v1"))), "v1 listed");
        assertEquals("1.0.0", service("permit.svc").orElseThrow().get("bundle").get("version").asText());

        Files.write(centre.deploy().resolve("permits.jar"), TestBundles.bundle("org.acme.permits", "2.0.0")
                .descriptor("permit", TestBundles.descriptor("permit.svc", "permit", "Permit v2", 2)).bytes());
        assertTrue(Centre.await(WAIT, () -> title("permit.svc").equals(Optional.of("Permit v2"))), "v2 replaces v1");
        assertEquals("2.0.0", service("permit.svc").orElseThrow().get("bundle").get("version").asText());
        assertEquals(1, ids(services()).stream().filter("permit.svc"::equals).count());

        Files.delete(centre.deploy().resolve("permits.jar"));
        assertTrue(Centre.await(WAIT, () -> service("permit.svc").isEmpty()), "withdrawn");
        assertEquals(SAMPLES, ids(services()));
    }

    static Stream<Arguments> badJars() {
        String okDescriptor = TestBundles.descriptor("bad.svc", "bad", "Must never be listed");
        return Stream.of(
                Arguments.of("not-a-jar.jar", "this is a text file, not a jar".getBytes(StandardCharsets.UTF_8),
                        "the file is not a readable jar (zip)"),
                Arguments.of("plain.jar", TestBundles.plainJar().entry("readme.txt", new byte[] {1}).bytes(),
                        "the jar is not an OSGi bundle: its manifest has no Bundle-SymbolicName"),
                Arguments.of("missing-import.jar", TestBundles.bundle("org.bad.imports", "1.0.0")
                        .descriptor("svc", okDescriptor).header("Import-Package", "com.nobody.missing;version=\"[1.0,2)\"").bytes(),
                        "bundle org.bad.imports 1.0.0 imports package com.nobody.missing [1.0.0,2.0.0) but nothing in this centre provides com.nobody.missing"),
                Arguments.of("wrong-api.jar", TestBundles.bundle("org.bad.api", "1.0.0")
                        .descriptor("svc", okDescriptor).header("Import-Package", "org.khidmat.api;version=\"[2.0,3)\"").bytes(),
                        "imports package org.khidmat.api [2.0.0,3.0.0) but this centre provides org.khidmat.api 1."),
                Arguments.of("bad-descriptor.jar", TestBundles.bundle("org.bad.descriptor", "1.0.0")
                        .descriptor("svc", okDescriptor.replace("\"amount\": 100", "\"amount\": -5")).bytes(),
                        "bundle org.bad.descriptor 1.0.0 has invalid service descriptors: services/svc.json: fees[0].amount: must be a whole number from 0 to 10000000 rupees, not -5"),
                Arguments.of("bad-rule.jar", TestBundles.bundle("org.bad.rule", "1.0.0").descriptor("svc", okDescriptor.replace(
                        "\"workflow\"", "\"rules\": [{\"id\": \"adult\", \"check\": \"age(answers.cnic) >= 18\", \"fields\": [\"cnic\"], "
                                + "\"message\": {\"en\": \"18 or over\", \"ur\": \"18 سال\"}}], \"workflow\"")).bytes(),
                        "bundle org.bad.rule 1.0.0 has invalid service descriptors: services/svc.json: rules[0].check: rule 'adult' "
                                + "is not a valid true/false expression: at column 4: undeclared reference to 'age'"),
                Arguments.of("throws.jar", TestBundles.bundle("org.bad.activator", "1.0.0")
                        .descriptor("svc", okDescriptor).activator(ThrowingActivator.class).bytes(),
                        "bundle org.bad.activator 1.0.0 failed to start: IllegalStateException: agency code failed on purpose"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badJars")
    void badJarsAreRefusedWithAPlainReasonWhileTheCentreKeepsServing(String name, byte[] jar, String reason)
            throws Exception {
        Path file = centre.deploy().resolve(name);
        Path marker = centre.deploy().resolve(name + ".failed");
        Files.write(file, jar);
        assertTrue(Centre.await(WAIT, () -> Files.exists(marker)), name + " gets a .failed marker");
        String why = Files.readString(marker);
        assertTrue(why.contains(reason), "marker says:\n" + why + "\nexpected:\n" + reason);
        assertTrue(service("bad.svc").isEmpty());
        assertEquals(200, centre.get("/health").statusCode());
        assertTrue(ids(services()).containsAll(SAMPLES));

        Files.delete(file);
        assertTrue(Centre.await(WAIT, () -> !Files.exists(marker)), "the marker leaves with the jar");
    }

    @Test
    void aBadUpdateRollsBackToTheWorkingVersion() throws Exception {
        Files.write(centre.deploy().resolve("roll.jar"), TestBundles.bundle("org.acme.roll", "1.0.0")
                .descriptor("svc", TestBundles.descriptor("roll.svc", "roll", "Working v1")).bytes());
        assertTrue(Centre.await(WAIT, () -> title("roll.svc").equals(Optional.of("Working v1"))));

        Files.write(centre.deploy().resolve("roll-2.jar"), TestBundles.bundle("org.acme.roll", "2.0.0")
                .descriptor("svc", TestBundles.descriptor("roll.svc", "roll", "Broken v2", 2))
                .activator(ThrowingActivator.class).bytes());
        Path marker = centre.deploy().resolve("roll-2.jar.failed");
        assertTrue(Centre.await(WAIT, () -> Files.exists(marker)));
        String why = Files.readString(marker);
        assertTrue(why.contains("failed to start: IllegalStateException: agency code failed on purpose"), why);
        assertTrue(why.contains("Kept org.acme.roll 1.0.0, which serves throughout"), why);
        JsonNode kept = service("roll.svc").orElseThrow();
        assertEquals("Working v1", kept.get("title").get("en").asText());
        assertEquals("1.0.0", kept.get("bundle").get("version").asText());
        assertTrue(Files.exists(centre.deploy().resolve("roll.jar")), "the working jar stays in deploy/");
        Files.delete(centre.deploy().resolve("roll-2.jar"));
        Files.delete(centre.deploy().resolve("roll.jar"));
        assertTrue(Centre.await(WAIT, () -> service("roll.svc").isEmpty()));
    }

    @Test
    void aChangedDescriptorMustRaiseItsVersion() throws Exception {
        Files.write(centre.deploy().resolve("rules.jar"), TestBundles.bundle("org.acme.rules", "1.0.0")
                .descriptor("svc", TestBundles.descriptor("rules.svc", "rules", "Rules as filed")).bytes());
        assertTrue(Centre.await(WAIT, () -> service("rules.svc").isPresent()));
        Files.write(centre.deploy().resolve("rules-1.1.jar"), TestBundles.bundle("org.acme.rules", "1.1.0")
                .descriptor("svc", TestBundles.descriptor("rules.svc", "rules", "Rules changed quietly")).bytes());
        Path marker = centre.deploy().resolve("rules-1.1.jar.failed");
        assertTrue(Centre.await(WAIT, () -> Files.exists(marker)));
        assertTrue(Files.readString(marker).contains("bundle org.acme.rules 1.1.0 changes service rules.svc but its "
                + "descriptor services/svc.json still says \"version\": 1; raise the version"), Files.readString(marker));
        assertEquals("Rules as filed", title("rules.svc").orElseThrow());
        Files.delete(centre.deploy().resolve("rules-1.1.jar"));
        Files.delete(centre.deploy().resolve("rules.jar"));
        assertTrue(Centre.await(WAIT, () -> service("rules.svc").isEmpty()));
    }

    @Test
    void aHalfWrittenJarIsNeverInstalled() throws Exception {
        byte[] jar = TestBundles.bundle("org.acme.slow", "1.0.0")
                .descriptor("svc", TestBundles.descriptor("slow.svc", "slow", "Slow copy"))
                .entry("padding.bin", new byte[200_000]).bytes();
        Path file = centre.deploy().resolve("slow.jar");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(jar, 0, jar.length / 2);
            out.flush();
            Thread.sleep(400);
            assertTrue(service("slow.svc").isEmpty(), "half a jar must not be listed");
            assertFalse(Files.exists(centre.deploy().resolve("slow.jar.failed")), "half a jar is not refused either");
            out.write(jar, jar.length / 2, jar.length - jar.length / 2);
        }
        assertTrue(Centre.await(WAIT, () -> title("slow.svc").equals(Optional.of("Slow copy"))));
        Files.delete(file);
        assertTrue(Centre.await(WAIT, () -> service("slow.svc").isEmpty()));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aRestartKeepsTheFolderAndCatchesUpWithWhatChangedWhileStopped() throws Exception {
        Files.write(centre.deploy().resolve("stays.jar"), TestBundles.bundle("org.acme.stays", "1.0.0")
                .descriptor("svc", TestBundles.descriptor("stays.svc", "stays", "Still here")).bytes());
        Files.write(centre.deploy().resolve("changes.jar"), TestBundles.bundle("org.acme.changes", "1.0.0")
                .descriptor("svc", TestBundles.descriptor("changes.svc", "changes", "Before the stop")).bytes());
        Files.write(centre.deploy().resolve("goes.jar"), TestBundles.bundle("org.acme.goes", "1.0.0")
                .descriptor("svc", TestBundles.descriptor("goes.svc", "goes", "Leaves while stopped")).bytes());
        assertTrue(Centre.await(WAIT, () -> service("stays.svc").isPresent() && service("changes.svc").isPresent()
                && service("goes.svc").isPresent()));
        int code = centre.stop();
        assertTrue(code == 0 || code == 143, "a clean stop on SIGTERM, exit code " + code);
        assertTrue(centre.output().stream().anyMatch(l -> l.contains("Khidmat stopped")), "it says it stops: " + centre.output());

        // while the centre is down, an agency replaces one jar and withdraws another
        Files.write(centre.deploy().resolve("changes.jar"), TestBundles.bundle("org.acme.changes", "2.0.0")
                .descriptor("svc", TestBundles.descriptor("changes.svc", "changes", "Changed while stopped", 2)).bytes());
        Files.delete(centre.deploy().resolve("goes.jar"));
        centre.start();
        assertTrue(centre.readyLine().contains("serving " + (SAMPLES.size() + 2) + " services from "
                + (SamplePlugins.agencies() + 2) + " agencies"), centre.readyLine());
        assertEquals("Still here", title("stays.svc").orElseThrow());
        assertEquals("Changed while stopped", title("changes.svc").orElseThrow());
        assertEquals("2.0.0", service("changes.svc").orElseThrow().get("bundle").get("version").asText());
        assertTrue(service("goes.svc").isEmpty(), "a jar deleted while stopped is withdrawn at start");
        assertEquals(SAMPLES.size() + 2, services().size());
    }

    private JsonNode services() {
        HttpResponse<String> r = centre.get("/api/v1/services");
        assertEquals(200, r.statusCode(), r.body());
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> ids(JsonNode services) {
        List<String> ids = new ArrayList<>();
        services.forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    private Optional<JsonNode> service(String id) {
        for (JsonNode s : services()) {
            if (s.get("id").asText().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private Optional<String> title(String id) {
        return service(id).map(s -> s.get("title").get("en").asText());
    }
}
