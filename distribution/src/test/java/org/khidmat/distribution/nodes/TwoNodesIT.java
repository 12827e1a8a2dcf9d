package org.khidmat.distribution.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;
import org.khidmat.distribution.Nodes;
import org.khidmat.distribution.TestBundles;

/**
 * Two centres (two homes, two ports) over ONE SQLite database file, as two nodes of one install: node 1 watches its
 * deploy/, node 2 does not ({@code KHIDMAT_WATCH_DEPLOY_FOLDER=false}) and takes its bundles from the bundle set.
 * A deploy, a withdrawal or a disable on either reaches the other within 2 s; a node that was down has what was
 * deployed meanwhile before it says ready. Each test uses bundles of its own, so they run in any order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIT {
    /** The promise: a change on one node is seen on every other within this. */
    private static final Duration PROMISE = Duration.ofSeconds(2);
    private static final Duration DEPLOY = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A sample service both nodes serve from the start. */
    private static final String POLICE = "ictpolice.lost-report";

    @TempDir
    static Path temp;
    private Nodes nodes;
    private Centre node1;
    private Centre node2;

    @BeforeAll
    void start() throws Exception {
        nodes = Nodes.overOneFile(temp, "node-1", "node-2").env("KHIDMAT_ADMIN_PASSWORD", Staffer.PASSWORD);
        node1 = nodes.get(0);
        node2 = nodes.get(1).env("KHIDMAT_WATCH_DEPLOY_FOLDER", "false");
        nodes.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void aBundleCopiedIntoNode1sDeployFolderIsListedByNode2WithinTwoSeconds() throws Exception {
        drop(node1, "nodes-a.jar", TestBundles.bundle("org.khidmat.test.nodesa", "1.0.0")
                .descriptor("a", TestBundles.descriptor("nodesa.svc", "nodesa", "Service A")).bytes());
        assertTrue(Centre.await(DEPLOY, () -> service(node1, "nodesa.svc").isPresent()), "node 1 did not deploy it");
        long t0 = System.nanoTime();
        boolean seen = Centre.await(PROMISE, () -> service(node2, "nodesa.svc").isPresent());
        System.out.printf("node 2 listed the bundle node 1 deployed %d ms after node 1 did%n", (System.nanoTime() - t0) / 1_000_000);
        assertTrue(seen, "node 2 does not list within 2 s the bundle deployed on node 1");
        assertEquals("1.0.0", service(node2, "nodesa.svc").orElseThrow().get("bundle").get("version").asText());

        drop(node1, "nodes-a.jar", TestBundles.bundle("org.khidmat.test.nodesa", "1.1.0")
                .descriptor("a", TestBundles.descriptor("nodesa.svc", "nodesa", "Service A", 2)).bytes());
        assertTrue(Centre.await(DEPLOY, () -> version(node1, "nodesa.svc").equals("1.1.0")), "node 1 did not update it");
        assertTrue(Centre.await(PROMISE, () -> version(node2, "nodesa.svc").equals("1.1.0")),
                "node 2 does not serve within 2 s the update made on node 1");

        HttpResponse<String> back = Staffer.login(node1).post("/api/v1/bundles/org.khidmat.test.nodesa/rollback", "");
        assertEquals(200, back.statusCode(), back.body());
        assertTrue(Centre.await(PROMISE, () -> version(node2, "nodesa.svc").equals("1.0.0")),
                "node 2 does not serve within 2 s the rollback made on node 1");
    }

    @Test
    void aBundleWithdrawnOnNode2IsGoneFromNode1WithinTwoSeconds() throws Exception {
        byte[] jar = TestBundles.bundle("org.khidmat.test.nodesb", "1.0.0")
                .descriptor("b", TestBundles.descriptor("nodesb.svc", "nodesb", "Service B")).bytes();
        HttpResponse<String> up = Staffer.login(node1).upload(jar);
        assertEquals(200, up.statusCode(), up.body());
        assertTrue(Centre.await(PROMISE, () -> service(node2, "nodesb.svc").isPresent()),
                "node 2 does not list within 2 s the bundle uploaded to node 1");
        HttpResponse<String> gone = Staffer.login(node2).withdraw("org.khidmat.test.nodesb");
        assertEquals(200, gone.statusCode(), gone.body());
        assertTrue(service(node2, "nodesb.svc").isEmpty());
        assertTrue(Centre.await(PROMISE, () -> service(node1, "nodesb.svc").isEmpty()),
                "node 1 still lists 2 s after the bundle was withdrawn on node 2");
        assertTrue(Centre.await(PROMISE, () -> !Files.exists(node1.deploy().resolve("org.khidmat.test.nodesb.jar"))),
                "node 1's deploy/ still holds the withdrawn bundle, which its next start would deploy again");
    }

    @Test
    void aServiceDisabledOnNode1IsShownDisabledOnNode2WithinTwoSeconds() throws Exception {
        Staffer admin = Staffer.login(node1);
        assertTrue(service(node2, POLICE).orElseThrow().get("enabled").asBoolean()); // node 2 has just read it
        HttpResponse<String> off = admin.post("/api/v1/services/" + POLICE + "/disable", "{\"reason\":\"system upgrade\"}");
        assertEquals(200, off.statusCode(), off.body());
        try {
            long t0 = System.nanoTime();
            boolean seen = Centre.await(Duration.ofMillis(1_500), () -> !service(node2, POLICE).orElseThrow().get("enabled").asBoolean());
            System.out.printf("node 2 showed the service disabled %d ms after node 1 disabled it%n", (System.nanoTime() - t0) / 1_000_000);
            assertTrue(seen, "node 2 still shows the service enabled 1.5 s after node 1 disabled it");
        } finally {
            assertEquals(200, admin.post("/api/v1/services/" + POLICE + "/enable", "").statusCode());
        }
    }

    @Test
    void aNodeThatWasDownHasWhatWasDeployedMeanwhileBeforeItSaysReady() throws Exception {
        node2.stop();
        try {
            drop(node1, "nodes-c.jar", TestBundles.bundle("org.khidmat.test.nodesc", "1.0.0")
                    .descriptor("c", TestBundles.descriptor("nodesc.svc", "nodesc", "Service C")).bytes());
            assertTrue(Centre.await(DEPLOY, () -> service(node1, "nodesc.svc").isPresent()), "node 1 did not deploy it");
        } finally {
            node2.start();
        }
        assertTrue(service(node2, "nodesc.svc").isPresent(), "node 2 said ready without the bundle deployed while it was down");
    }

    @Test
    void theAdminConsoleShowsEachBundlesOutcomeOnEveryNode() throws Exception {
        byte[] jar = TestBundles.bundle("org.khidmat.test.nodese", "1.0.0")
                .descriptor("e", TestBundles.descriptor("nodese.svc", "nodese", "Service E")).bytes();
        Staffer admin = Staffer.login(node1);
        assertEquals(200, admin.upload(jar).statusCode());
        assertTrue(Centre.await(PROMISE, () -> service(node2, "nodese.svc").isPresent()));
        // the bundle's name is isolated left to right (U+2066 ... U+2069) so it reads whole in an Urdu line
        String row = "\u2066org.khidmat.test.nodese\u2069: active on 2 of 2 nodes";
        assertTrue(Centre.await(PROMISE, () -> admin.get("/admin").body().contains(row)),
                "the admin console does not say '" + row + "'");
    }

    private static void drop(Centre c, String name, byte[] jar) throws IOException {
        Path elsewhere = c.home().resolve(name + ".tmp");
        Files.write(elsewhere, jar);
        Files.move(elsewhere, c.deploy().resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String version(Centre c, String id) {
        return service(c, id).map(s -> s.get("bundle").get("version").asText()).orElse("");
    }

    private static Optional<JsonNode> service(Centre c, String id) {
        HttpResponse<String> r = c.get("/api/v1/services");
        if (r.statusCode() != 200) {
            return Optional.empty();
        }
        try {
            for (JsonNode s : JSON.readTree(r.body())) {
                if (s.get("id").asText().equals(id)) {
                    return Optional.of(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.empty();
    }
}
