package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;
import org.khidmat.distribution.TestBundles;

/**
 * Code is not self-service (issue 11): a bundle with classes uploaded by an agency account waits for a centre
 * admin's approval, shown with what the admin needs to judge it; descriptor-only bundles stay self-service; the
 * approval, the approver and the hash are audited, and an approved hash deploys without asking again.
 */
class ApprovalIT {
    private static final String PASSWORD = "a long enough secret for alpha";

    @TempDir
    Path temp;

    private static TestBundles alpha(String version, String title, int descriptorVersion) {
        return TestBundles.bundle("org.test.alpha", version)
                .descriptor("permit", TestBundles.descriptor("alpha.permit", "alpha", title, descriptorVersion));
    }

    @Test
    void anAgencysCodeWaitsForAnAdminWhileItsDataDeploysAtOnce() throws Exception {
        try (Centre centre = Centre.install(temp.resolve("centre")).env("KHIDMAT_ADMIN_PASSWORD", Staff.ADMIN_PASSWORD).start()) {
            Staff admin = Staff.admin(centre);
            Staff agency = admin.createAccount("alpha-staff", PASSWORD, "AGENCY", "alpha");

            HttpResponse<String> data = agency.put("/api/v1/bundles", alpha("1.0.0", "Alpha permit", 1).bytes());
            assertEquals(200, data.statusCode(), "descriptors alone are self-service: " + data.body());

            byte[] code = alpha("1.1.0", "Alpha permit with code", 2).activator(StartsQuietly.class).bytes();
            HttpResponse<String> waiting = agency.put("/api/v1/bundles", code);
            JsonNode verdict = Staff.read(waiting);
            assertEquals(202, waiting.statusCode(), waiting.body());
            assertEquals("pending_approval", verdict.get("status").asText());
            assertTrue(verdict.get("message").asText().contains("waits for a centre admin's approval"), waiting.body());
            assertEquals("1.0.0", listedVersion(centre), "nothing of the waiting jar is deployed");

            assertEquals(403, agency.get("/api/v1/bundles/pending").statusCode(), "only admins judge code");
            JsonNode pending = Staff.read(admin.get("/api/v1/bundles/pending"));
            assertEquals(1, pending.size(), pending.toString());
            JsonNode p = pending.get(0);
            String sha = p.get("sha256").asText();
            assertEquals(64, sha.length());
            assertEquals("org.test.alpha", p.get("symbolicName").asText());
            assertEquals("alpha-staff", p.get("uploadedBy").asText());
            assertTrue(p.get("imports").toString().contains("org.osgi.framework"), p.toString());
            assertTrue(p.get("components").toString().contains(StartsQuietly.class.getName()), p.toString());
            assertEquals(1, p.get("classes").asInt());
            assertTrue(admin.get("/admin").body().contains(sha), "the console shows the waiting jar's hash");

            assertEquals(403, agency.post("/api/v1/bundles/pending/" + sha + "/approve", "").statusCode());
            HttpResponse<String> approved = admin.post("/api/v1/bundles/pending/" + sha + "/approve", "");
            assertEquals(200, approved.statusCode(), approved.body());
            assertEquals("1.1.0", listedVersion(centre));
            assertEquals(0, Staff.read(admin.get("/api/v1/bundles/pending")).size());
            List<String> audit = actions(admin, sha);
            assertTrue(audit.contains("bundle.approve"), "the approval names the hash: " + audit);

            byte[] more = alpha("1.2.0", "Alpha permit, refused", 3).activator(StartsQuietly.class).bytes();
            assertEquals(202, agency.put("/api/v1/bundles", more).statusCode());
            String refusedSha = Staff.read(admin.get("/api/v1/bundles/pending")).get(0).get("sha256").asText();
            HttpResponse<String> rejected = admin.post("/api/v1/bundles/pending/" + refusedSha + "/reject",
                    "{\"reason\":\"calls home\"}");
            assertEquals(200, rejected.statusCode(), rejected.body());
            assertEquals("1.1.0", listedVersion(centre), "a rejected jar never runs");
            assertTrue(actions(admin, refusedSha).contains("bundle.reject"));
            assertEquals(404, admin.post("/api/v1/bundles/pending/" + refusedSha + "/approve", "").statusCode());
            int climbing = admin.post("/api/v1/bundles/pending/..%2F..%2Fconf/approve", "").statusCode();
            assertTrue(climbing == 400 || climbing == 404, "a path is no hash: " + climbing);

            assertEquals(200, agency.delete("/api/v1/bundles/org.test.alpha").statusCode());
            HttpResponse<String> again = agency.put("/api/v1/bundles", code);
            assertEquals(200, again.statusCode(), "an approved hash deploys without asking again: " + again.body());
            assertEquals("1.1.0", listedVersion(centre));
        }
    }

    private static String listedVersion(Centre centre) throws Exception {
        JsonNode s = Staff.JSON.readTree(centre.get("/api/v1/services/alpha.permit").body());
        return s.path("bundle").path("version").asText();
    }

    private static List<String> actions(Staff admin, String subjectOrDetail) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : Staff.read(admin.get("/api/v1/audit?q=" + subjectOrDetail))) {
            out.add(e.path("action").asText());
        }
        return out;
    }
}
