package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.Account;
import org.khidmat.api.store.AccountStore;
import org.khidmat.api.platform.ApiToken;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.store.AuditCheck;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.platform.Payment;
import org.khidmat.api.platform.Rating;
import org.khidmat.api.platform.Role;
import org.khidmat.api.store.ServiceState;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.platform.StoreException;

/**
 * What someone with write access to the database file can do to the audit log, and what a crash between two
 * writes could leave: each test tampers or fails the way the issues describe, and the check must say so.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class AuditIntegrityTest {
    @Parameter
    Engine engine;

    private static final Instant FILED = Instant.parse("2026-03-01T10:00:00Z");
    @TempDir
    Path dir;
    private Database db;
    private SqlAuditLog log;
    private SqlApplicationStore applications;

    @BeforeEach
    void open() {
        db = engine.open(dir);
        log = new SqlAuditLog(db, TestChain.of(db));
        applications = new SqlApplicationStore(db, TestChain.of(db));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Connection behindTheBack() throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("k.db"));
        try (Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS audit_log_no_update");
            s.execute("DROP TRIGGER IF EXISTS audit_log_no_delete");
        }
        return c;
    }

    /** Deletes row {@code seq} and rewrites every later row with the plain SHA-256 chain, renumbered. */
    private void deleteAndRecompute(long seq) throws Exception {
        try (Connection c = behindTheBack(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_log WHERE seq = " + seq);
            s.executeUpdate("UPDATE audit_log SET seq = seq - 1 WHERE seq > " + seq);
            String prev = AuditHash.GENESIS;
            try (ResultSet r = s.executeQuery("SELECT seq, hash FROM audit_log WHERE seq = " + (seq - 1))) {
                if (r.next()) {
                    prev = r.getString(2);
                }
            }
            try (Statement q = c.createStatement();
                    ResultSet rows = q.executeQuery("SELECT seq, at, actor, action, subject, detail FROM audit_log WHERE seq >= "
                            + seq + " ORDER BY seq");
                    PreparedStatement u = c.prepareStatement("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?")) {
                java.util.List<Object[]> all = new java.util.ArrayList<>();
                while (rows.next()) {
                    all.add(new Object[] {rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6)});
                }
                for (Object[] row : all) {
                    String hash = AuditHash.of(prev, (Long) row[0], (Long) row[1], (String) row[2], (String) row[3],
                            (String) row[4], (String) row[5]);
                    u.setString(1, prev);
                    u.setString(2, hash);
                    u.setLong(3, (Long) row[0]);
                    u.executeUpdate();
                    prev = hash;
                }
            }
        }
    }

    @Test
    void aDeletedRowWithTheChainRecomputedIsNamed() throws Exception {
        assumeTrue(engine == Engine.SQLITE, "rewrites the SQLite file behind the store's back");
        for (int i = 1; i <= 6; i++) {
            log.append("clerk1", "application.move", "KM7Q-4XPA-K", "step " + i);
        }
        deleteAndRecompute(3);
        AuditCheck check = log.verify();
        assertFalse(check.intact(), check.message());
        assertEquals(3, check.firstBroken(), check.message());
    }

    @Test
    void anEditedRowWithTheChainRecomputedIsNamed() throws Exception {
        assumeTrue(engine == Engine.SQLITE, "rewrites the SQLite file behind the store's back");
        for (int i = 1; i <= 5; i++) {
            log.append("clerk1", "application.move", "KM7Q-4XPA-K", "step " + i);
        }
        try (Connection c = behindTheBack(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_log SET detail = 'nothing to see' WHERE seq = 4");
        }
        deleteAndRecompute(99); // recomputes nothing: rows above 99 do not exist
        try (Connection c = behindTheBack(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT hash FROM audit_log WHERE seq = 3")) {
                r.next();
                String prev = r.getString(1);
                String hash4 = rehash(s, 4, prev);
                rehash(s, 5, hash4);
            }
        }
        AuditCheck check = log.verify();
        assertFalse(check.intact(), check.message());
        assertEquals(4, check.firstBroken(), check.message());
    }

    private static String rehash(Statement s, long seq, String prev) throws Exception {
        String hash;
        try (ResultSet r = s.getConnection().createStatement()
                .executeQuery("SELECT at, actor, action, subject, detail FROM audit_log WHERE seq = " + seq)) {
            r.next();
            hash = AuditHash.of(prev, seq, r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5));
        }
        s.executeUpdate("UPDATE audit_log SET prev_hash = '" + prev + "', hash = '" + hash + "' WHERE seq = " + seq);
        return hash;
    }

    private static ApplicationRecord application(String ref) {
        return new ApplicationRecord(ref, "ictpolice.character-cert", 1, "ictpolice", "6110112345671", "normal",
                Map.of("cnic", "6110112345671"), "submitted", "due", FILED, FILED);
    }

    @Test
    void aFailureBetweenTheApplicationAndItsAuditRowLeavesNeither() throws Exception {
        failEveryAuditRow();
        assertThrows(StoreException.class, () -> fileWithAudit("KM7Q-4XPA-K"));
        assertTrue(applications.find("KM7Q-4XPA-K").isEmpty(), "no application without its audit row");
        assertTrue(applications.history("KM7Q-4XPA-K").isEmpty(), "no history either");
        assertEquals(0, log.search(null, 10).size());
    }

    @Test
    void everyAuditedChangeLeavesNothingWhenItsAuditRowFails() throws Exception {
        fileWithAudit("KM7Q-4XPA-K");
        AuditChain chain = TestChain.of(db);
        SqlPaymentStore payments = new SqlPaymentStore(db, chain);
        SqlRatingStore ratings = new SqlRatingStore(db, chain);
        SqlServiceStates states = new SqlServiceStates(db, chain);
        SqlAccountStore accounts = new SqlAccountStore(db, chain);
        Payment pending = new Payment("KM7Q-4XPA-K", "ictpolice.character-cert", "ictpolice", "normal", 500, "test.challan",
                "CH-1", null, Payment.PENDING, FILED, null, null);
        payments.add(pending, AuditNote.of("citizen", "payment.start", "KM7Q-4XPA-K", "PKR 500"));
        long entries = log.search(null, 100).size();
        failEveryAuditRow();
        AuditNote note = AuditNote.of("clerk1", "test.change", "x", null);
        assertThrows(StoreException.class, () -> applications.move(new StatusChange("KM7Q-4XPA-K", FILED, "clerk1",
                "submitted", "verified", null), note));
        assertThrows(StoreException.class, () -> payments.markPaid("KM7Q-4XPA-K", FILED, "KR-1", note));
        assertThrows(StoreException.class, () -> ratings.addIfAbsent(new Rating("KM7Q-4XPA-K", "ictpolice.character-cert",
                "ictpolice", 5, null, FILED), note));
        assertThrows(StoreException.class, () -> states.put(ServiceState.of("ictpolice.character-cert", false, "down",
                "admin", FILED), note));
        assertThrows(StoreException.class, () -> accounts.saveAccount(new Account("sara", Role.ADMIN, null, true, FILED),
                "hash", note));
        assertThrows(StoreException.class, () -> accounts.saveToken(new AccountStore.StoredToken(new ApiToken("abcd1234",
                "admin", "ci", FILED, false), "hash"), note));

        assertEquals("submitted", applications.find("KM7Q-4XPA-K").orElseThrow().status());
        assertEquals(1, applications.history("KM7Q-4XPA-K").size());
        assertEquals(Payment.PENDING, payments.payment("KM7Q-4XPA-K").orElseThrow().state());
        assertEquals("pending", applications.find("KM7Q-4XPA-K").orElseThrow().paymentState());
        assertTrue(ratings.rating("KM7Q-4XPA-K").isEmpty());
        assertTrue(states.all().isEmpty());
        assertTrue(accounts.account("sara").isEmpty());
        assertTrue(accounts.tokens("admin").isEmpty());
        assertEquals(entries, log.search(null, 100).size());
    }

    /** Makes every insert into audit_log fail from now on, as a full disk or a broken row would. */
    private void failEveryAuditRow() throws Exception {
        if (engine == Engine.SQLITE) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("k.db")); Statement s = c.createStatement()) {
                s.execute("CREATE TRIGGER injected_failure BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'injected'); END");
            }
            return;
        }
        try (Connection c = Engine.postgres(dir).connect(); Statement s = c.createStatement()) {
            s.execute("CREATE FUNCTION injected() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected'; END; $$");
            s.execute("CREATE TRIGGER injected_failure BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION injected()");
        }
    }

    /** Files an application and its {@code application.submit} entry the way the application desk does. */
    private void fileWithAudit(String ref) {
        applications.create(application(ref), new StatusChange(ref, FILED, "citizen", null, "submitted", null),
                AuditNote.of("citizen", "application.submit", ref, "ictpolice.character-cert v1, tier normal"));
    }

    @Test
    void theCheckNamesAnApplicationStoredWithoutItsSubmitRow() {
        fileWithAudit("AAAA-AAAA-A");
        applications.create(application("KM7Q-4XPA-K"), new StatusChange("KM7Q-4XPA-K", FILED, "citizen", null,
                "submitted", null));
        AuditCheck check = log.verify();
        assertFalse(check.intact(), check.message());
        assertTrue(check.message().contains("KM7Q-4XPA-K"), check.message());
        assertFalse(check.message().contains("AAAA-AAAA-A"), check.message());
        assertEquals(java.util.List.of("KM7Q-4XPA-K"), check.unaudited());
    }
}
