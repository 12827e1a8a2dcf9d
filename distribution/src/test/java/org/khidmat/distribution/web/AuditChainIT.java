package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;

/**
 * The audit log's hash chain: after a scripted sequence of staff and citizen actions every kind of step is in
 * the log and the chain verifies; editing one row, and then deleting an earlier one, behind the centre's back
 * (with the append-only triggers dropped) makes the check name the first broken entry; so does re-chaining the log
 * with plain SHA-256 after a deletion, which the keyed chain does not accept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditChainIT {
    private static final String PASSWORD = "a-long-staff-password";
    @TempDir
    static Path temp;
    private Centre centre;
    private long edited;
    private long deleted;

    @BeforeAll
    void start() throws Exception {
        centre = Centre.install(temp.resolve("centre")).env("KHIDMAT_ADMIN_PASSWORD", Staff.ADMIN_PASSWORD).start();
    }

    @AfterAll
    void stop() throws Exception {
        if (centre != null) {
            centre.stop();
        }
    }

    private long seqOf(Staff admin, String action) {
        JsonNode found = Staff.read(admin.get("/api/v1/audit?q=" + action));
        for (JsonNode e : found) {
            if (e.get("action").asText().equals(action)) {
                return e.get("seq").asLong();
            }
        }
        throw new AssertionError("no " + action + " in " + found);
    }

    private JsonNode verify() {
        HttpResponse<String> r = Staff.admin(centre).get("/api/v1/audit/verify");
        assertEquals(200, r.statusCode(), r.body());
        return Staff.read(r);
    }

    private void tamper(String sql, String trigger) throws Exception {
        centre.stop();
        Path db = centre.home().resolve("data").resolve("khidmat.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS " + trigger);
            assertEquals(1, s.executeUpdate(sql), sql);
        }
        centre.start();
    }

    @Test
    @Order(1)
    void afterAScriptedSequenceTheChainVerifies() {
        assertEquals(401, Staff.anonymous(centre).login("admin", "a-wrong-password").statusCode());
        Staff admin = Staff.admin(centre);
        Staff alpha = admin.createAccount("alpha-staff", PASSWORD, "AGENCY", "alpha");
        assertEquals(200, alpha.put("/api/v1/bundles", StaffApiIT.bundle("alpha", "1.0.0", "Alpha permit")).statusCode());
        assertEquals(200, alpha.put("/api/v1/bundles", StaffApiIT.bundle("alpha", "1.1.0", "Alpha permit 2")).statusCode());
        assertEquals(200, alpha.post("/api/v1/bundles/org.test.alpha/rollback", "").statusCode());
        assertEquals(200, admin.post("/api/v1/services/alpha.permit/disable", "{\"reason\":\"Audit drill\"}").statusCode());
        assertEquals(200, admin.post("/api/v1/services/alpha.permit/enable", "").statusCode());
        HttpResponse<String> filed = admin.postWithoutCsrf("/api/v1/applications", "{\"serviceId\":\"alpha.permit\",\"answers\":"
                + "{\"cnic\":\"61101-1234567-1\"}}");
        assertEquals(201, filed.statusCode(), filed.body());
        String ref = Staff.read(filed).get("reference").asText();
        centre.pay(ref, "6110112345671");
        assertEquals(200, alpha.post("/api/v1/applications/" + ref + "/moves", "{\"to\":\"done\"}").statusCode());
        assertEquals(201, admin.post("/api/v1/accounts/alpha-staff/tokens", "{\"label\":\"ci\"}").statusCode());
        assertEquals(200, alpha.delete("/api/v1/bundles/org.test.alpha").statusCode());

        String log = admin.get("/api/v1/audit?limit=1000").body();
        for (String action : new String[] {"login.success", "login.failure", "account.create", "bundle.deploy", "bundle.update",
            "bundle.rollback", "bundle.withdraw", "service.disable", "service.enable", "application.submit",
            "application.move", "token.issue"}) {
            assertTrue(log.contains("\"" + action + "\""), action + " is audited");
        }
        assertFalse(log.contains(PASSWORD) || log.contains("6110112345671"), "no password or CNIC in the audit log");
        JsonNode check = verify();
        assertTrue(check.get("intact").asBoolean(), check.toString());
        assertEquals(0, check.get("firstBroken").asLong());
        edited = seqOf(admin, "service.disable");
        deleted = seqOf(admin, "account.create");
        assertTrue(deleted < edited);
    }

    @Test
    @Order(2)
    void editingOneRowIsNamedAsTheFirstBrokenEntry() throws Exception {
        tamper("UPDATE audit_log SET detail = 'nothing to see' WHERE seq = " + edited, "audit_log_no_update");
        JsonNode check = verify();
        assertFalse(check.get("intact").asBoolean(), check.toString());
        assertEquals(edited, check.get("firstBroken").asLong(), check.toString());
        assertTrue(check.get("message").asText().contains("entry " + edited), check.toString());
        String page = Staff.admin(centre).get("/admin/audit?verify=1").body();
        assertTrue(page.contains("BROKEN at entry " + edited), "the console names it too");
        // and the centre finds it by itself: the background check's first round after the start (AuditWatch)
        assertTrue(Centre.await(Duration.ofSeconds(45), () -> auditCheck().path("status").asText().equals("CRITICAL")),
                "the audit check of /health: " + auditCheck());
        assertTrue(auditCheck().path("message").asText().contains("entry " + edited), auditCheck().toString());
        String metrics = Staff.admin(centre).get("/metrics").body();
        assertTrue(metrics.contains("\nkhidmat_audit_chain_intact 0.0\n"), "the gauge the alert reads");
    }

    private JsonNode auditCheck() {
        return Staff.read(centre.get("/health")).path("checks").path("audit");
    }

    @Test
    @Order(3)
    void deletingAnEarlierRowMovesTheFirstBreakToJustAfterIt() throws Exception {
        tamper("DELETE FROM audit_log WHERE seq = " + deleted, "audit_log_no_delete");
        JsonNode check = verify();
        assertFalse(check.get("intact").asBoolean(), check.toString());
        assertEquals(deleted + 1, check.get("firstBroken").asLong(), check.toString());
    }

    /**
     * The rewrite of issue 11: with write access to the database the rows after the deleted one are renumbered and
     * the whole chain recomputed with plain SHA-256. Without the audit key that does not pass: the first re-chained
     * entry is named, by the console and by {@code bin/khidmat verify-audit}'s exit code.
     */
    @Test
    @Order(4)
    void aChainRecomputedWithoutTheKeyIsNamedAtItsFirstRewrittenEntry() throws Exception {
        centre.stop();
        Path db = centre.home().resolve("data").resolve("khidmat.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS audit_log_no_update");
            s.executeUpdate("UPDATE audit_log SET seq = seq - 1 WHERE seq > " + deleted);
            String prev;
            try (var r = s.executeQuery("SELECT hash FROM audit_log WHERE seq = " + (deleted - 1))) {
                prev = r.getString(1);
            }
            java.util.List<Object[]> rows = new java.util.ArrayList<>();
            try (var r = s.executeQuery("SELECT seq, at, actor, action, subject, detail FROM audit_log WHERE seq >= " + deleted
                    + " ORDER BY seq")) {
                while (r.next()) {
                    rows.add(new Object[] {r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6)});
                }
            }
            for (Object[] row : rows) {
                String hash = plainSha256(prev, row);
                s.executeUpdate("UPDATE audit_log SET prev_hash = '" + prev + "', hash = '" + hash + "' WHERE seq = " + row[0]);
                prev = hash;
            }
        }
        java.util.List<String> said = new java.util.ArrayList<>();
        assertEquals(1, OwnerOnlyDataIT.khidmat(centre, said, "verify-audit"), said.toString());
        assertTrue(said.get(0).startsWith("verdict=broken ") && said.get(0).contains(" firstBroken=" + deleted + " "),
                said.toString());
        centre.start();
        JsonNode check = verify();
        assertFalse(check.get("intact").asBoolean(), check.toString());
        assertEquals(deleted, check.get("firstBroken").asLong(), check.toString());
    }

    /** The audit chain's pre-keying hash: SHA-256 over length-prefixed UTF-8 fields, {@code null} as length -1. */
    private static String plainSha256(String prev, Object[] row) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream data = new java.io.DataOutputStream(out);
        for (Object field : new Object[] {prev, row[0].toString(), row[1].toString(), row[2], row[3], row[4], row[5]}) {
            if (field == null) {
                data.writeInt(-1);
            } else {
                byte[] bytes = field.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                data.writeInt(bytes.length);
                data.write(bytes);
            }
        }
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
    }
}
