package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;
import org.khidmat.distribution.Nodes;
import org.khidmat.distribution.TestBundles;
import org.khidmat.distribution.ThrowingActivator;

/**
 * Approvals and quarantine across nodes (issue 15): two centres over ONE SQLite file, as two nodes of one install
 * behind a balancer. A jar with code uploaded on node 1 is listed as waiting and approved on node 2, then serves on
 * both; a jar whose code threw on node 1 is refused as quarantined on node 2 without running there; an agency claim
 * kept in node 1's file from before the upgrade is moved into the database and refuses a rival bundle on node 2. Each test uses
 * an agency of its own, so they run in any order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalNodesIT {
    private static final String PASSWORD = "a long enough secret for the agency";
    private static final Duration PROMISE = Duration.ofSeconds(2);

    @TempDir
    static Path temp;
    private Nodes nodes;
    private Centre node1;
    private Centre node2;

    @BeforeAll
    void start() throws Exception {
        nodes = Nodes.overOneFile(temp, "node-1", "node-2").env("KHIDMAT_ADMIN_PASSWORD", Staff.ADMIN_PASSWORD);
        node1 = nodes.get(0);
        node2 = nodes.get(1).env("KHIDMAT_WATCH_DEPLOY_FOLDER", "false");
        // node 1 was a centre of an older version: its agency claims were a file of its own
        Path deployer = Files.createDirectories(node1.home().resolve("data").resolve("deployer"));
        Files.writeString(deployer.resolve("agencies.properties"), "epsilon=org.test.epsilon\n");
        nodes.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void aJarUploadedOnNode1IsApprovedOnNode2AndServesOnBoth() throws Exception {
        Staff agency = Staff.admin(node1).createAccount("beta-staff", PASSWORD, "AGENCY", "beta");
        byte[] code = TestBundles.bundle("org.test.beta", "1.0.0")
                .descriptor("permit", TestBundles.descriptor("beta.permit", "beta", "Beta permit"))
                .activator(StartsQuietly.class).bytes();
        HttpResponse<String> waiting = agency.put("/api/v1/bundles", code);
        assertEquals(202, waiting.statusCode(), waiting.body());

        Staff admin2 = Staff.admin(node2);
        JsonNode pending = Staff.read(admin2.get("/api/v1/bundles/pending"));
        assertEquals(1, pending.size(), "node 2 lists the jar waiting on node 1: " + pending);
        String sha = pending.get(0).get("sha256").asText();
        assertEquals("beta-staff", pending.get(0).get("uploadedBy").asText());

        HttpResponse<String> approved = admin2.post("/api/v1/bundles/pending/" + sha + "/approve", "");
        assertEquals(200, approved.statusCode(), "node 2 approves the jar uploaded on node 1: " + approved.body());
        assertEquals("1.0.0", listedVersion(node2, "beta.permit"));
        assertTrue(Centre.await(PROMISE, () -> "1.0.0".equals(listedVersion(node1, "beta.permit"))),
                "node 1 does not serve within 2 s the jar approved on node 2");
        assertEquals(0, Staff.read(Staff.admin(node1).get("/api/v1/bundles/pending")).size(),
                "node 1 no longer lists the approved jar as waiting");
    }

    @Test
    void aJarQuarantinedOnNode1IsRefusedOnNode2WithoutRunning() throws Exception {
        byte[] broken = TestBundles.bundle("org.test.gamma", "1.0.0")
                .descriptor("permit", TestBundles.descriptor("gamma.permit", "gamma", "Gamma permit"))
                .activator(ThrowingActivator.class).bytes();
        HttpResponse<String> first = Staff.admin(node1).put("/api/v1/bundles", broken);
        assertTrue(first.statusCode() >= 400, first.body());
        assertTrue(first.body().contains("failed on purpose"), first.body());

        HttpResponse<String> second = Staff.admin(node2).put("/api/v1/bundles", broken);
        assertTrue(second.statusCode() >= 400, second.body());
        assertTrue(second.body().contains("this jar is quarantined"), "node 2 knows the jar node 1 quarantined: " + second.body());
    }

    @Test
    void aClaimInAnUpgradedNode1sFileRefusesARivalAgencysBundleOnNode2() throws Exception {
        assertTrue(Files.exists(node1.home().resolve("data/deployer/agencies.properties.moved")),
                "node 1 moved its claims file into the database at its start");
        byte[] rival = TestBundles.bundle("org.rival.epsilon", "1.0.0")
                .descriptor("permit", TestBundles.descriptor("epsilon.permit", "epsilon", "Epsilon permit")).bytes();
        HttpResponse<String> refused = Staff.admin(node2).put("/api/v1/bundles", rival);
        assertTrue(refused.statusCode() >= 400, "node 2 refuses a bundle of agency epsilon, claimed on node 1: "
                + refused.body());
        assertTrue(refused.body().contains("org.test.epsilon"), "the refusal names the owner: " + refused.body());
    }

    private static String listedVersion(Centre centre, String service) {
        try {
            JsonNode s = Staff.JSON.readTree(centre.get("/api/v1/services/" + service).body());
            return s.path("bundle").path("version").asText();
        } catch (IOException e) {
            return "";
        }
    }
}
