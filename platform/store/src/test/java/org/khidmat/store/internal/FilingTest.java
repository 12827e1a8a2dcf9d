package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.store.AuditCheck;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.platform.StoreException;

/** An application filed as one write: with its history, audit entry and messages, all or nothing, alone in a group. */
class FilingTest {
    static final Instant FILED = Instant.parse("2026-03-14T09:26:53.589Z");

    @TempDir
    Path dir;
    private SqliteDatabase db;
    private AuditChain chain;
    private SqlApplicationStore store;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(dir.resolve("k.db"));
        chain = TestChain.of(db);
        store = new SqlApplicationStore(db, chain);
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        db.close();
    }

    static ApplicationRecord application(String reference) {
        return new ApplicationRecord(reference, "ictpolice.character-certificate", 1, "ictpolice", "6110112345671",
                "normal", Map.of("mobile", "03001234567"), "submitted", "due", FILED, FILED);
    }

    static StatusChange first(String reference) {
        return new StatusChange(reference, FILED, "citizen", null, "submitted", null);
    }

    static AuditNote note(String reference) {
        return AuditNote.of("citizen", "application.submit", reference, "ictpolice.character-certificate v1");
    }

    static Notification message(String reference, String channel) {
        return new Notification(0, reference, "submitted", channel, "03001234567", "we received " + reference,
                Notification.QUEUED, null, null, 0, FILED, null, null);
    }

    static Optional<List<Notification>> file(SqlApplicationStore store, String reference, String... channels) {
        List<Notification> messages = new ArrayList<>();
        for (String channel : channels) {
            messages.add(message(reference, channel));
        }
        return store.file(application(reference), first(reference), note(reference), messages);
    }

    @Test
    void aFilingIsOneCommitWithItsHistoryAuditEntryAndMessages() {
        AtomicInteger commits = new AtomicInteger();
        db.beforeCommit(commits::incrementAndGet);
        List<Notification> stored = file(store, "ONE-1", "sms", "email").orElseThrow();
        assertEquals(1, commits.get(), "one transaction, one fsync");
        assertEquals(List.of("sms", "email"), stored.stream().map(Notification::channel).toList());
        assertTrue(stored.get(0).id() > 0 && stored.get(1).id() > stored.get(0).id(), "ids given, in order");
        assertEquals(1L, count("SELECT COUNT(*) FROM application WHERE reference = 'ONE-1'"));
        assertEquals(1L, count("SELECT COUNT(*) FROM status_history WHERE reference = 'ONE-1'"));
        assertEquals(1L, count("SELECT COUNT(*) FROM audit_log WHERE subject = 'ONE-1' AND action = 'application.submit'"));
        assertEquals(2L, count("SELECT COUNT(*) FROM notification WHERE reference = 'ONE-1' AND state = 'queued'"));
    }

    @Test
    void aTakenReferenceStoresNothingMoreAndReadsNothingFirst() {
        file(store, "TAKEN-1", "sms").orElseThrow();
        AtomicInteger commits = new AtomicInteger();
        db.beforeCommit(commits::incrementAndGet);
        assertEquals(Optional.empty(), file(store, "TAKEN-1", "sms", "email"));
        assertEquals(1, commits.get(), "the collision is found by the insert itself, in the one write");
        assertEquals(1L, count("SELECT COUNT(*) FROM notification WHERE reference = 'TAKEN-1'"));
        assertEquals(1L, count("SELECT COUNT(*) FROM audit_log WHERE subject = 'TAKEN-1'"));
        assertEquals(1L, count("SELECT COUNT(*) FROM status_history WHERE reference = 'TAKEN-1'"));
        StoreException e = assertThrows(StoreException.class, () -> store.create(application("TAKEN-1"),
                first("TAKEN-1"), note("TAKEN-1")));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    }

    @Test
    void inOneGroupATakenReferenceAndABadMessageFailOnlyTheirOwnFilings() throws Exception {
        file(store, "DUP-1", "sms").orElseThrow();
        CountDownLatch release = holdTheWriter();
        List<Future<Optional<List<Notification>>>> good = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String reference = "GOOD-" + i;
            good.add(pool.submit(() -> file(store, reference, "sms")));
        }
        Future<Optional<List<Notification>>> duplicate = pool.submit(() -> file(store, "DUP-1", "sms"));
        Future<Optional<List<Notification>>> bad = pool.submit(() -> file(store, "BAD-1", "sms", "fax"));
        AtomicInteger commits = new AtomicInteger();
        db.beforeCommit(commits::incrementAndGet);
        awaitQueued(7);
        release.countDown();
        for (Future<Optional<List<Notification>>> call : good) {
            assertEquals(1, call.get(30, TimeUnit.SECONDS).orElseThrow().size());
        }
        assertEquals(Optional.empty(), duplicate.get(30, TimeUnit.SECONDS));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> bad.get(30, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof StoreException, failure.getCause().toString());
        assertEquals(2, commits.get(), "the write holding the writer, then the seven filings in one commit");
        assertEquals(5L, count("SELECT COUNT(*) FROM application WHERE reference LIKE 'GOOD-%'"));
        assertEquals(5L, count("SELECT COUNT(*) FROM notification WHERE reference LIKE 'GOOD-%'"));
        assertEquals(0L, count("SELECT COUNT(*) FROM application WHERE reference = 'BAD-1'"));
        assertEquals(0L, count("SELECT COUNT(*) FROM audit_log WHERE subject = 'BAD-1'"), "rolled back to its savepoint");
        assertEquals(0L, count("SELECT COUNT(*) FROM notification WHERE reference = 'BAD-1'"));
        assertEquals(1L, count("SELECT COUNT(*) FROM audit_log WHERE subject = 'DUP-1'"));
        AuditCheck check = new SqlAuditLog(db, chain).verify();
        assertTrue(check.intact(), check.message());
        assertEquals(List.of(), check.unaudited());
    }

    @Test
    void theApplicationItsAuditRowAndItsMessagesCommitOrFailTogether() {
        execute("CREATE TRIGGER injected_failure BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'injected'); END");
        assertThrows(StoreException.class, () -> file(store, "NOAUDIT-1", "sms"));
        assertEquals(0L, count("SELECT COUNT(*) FROM application WHERE reference = 'NOAUDIT-1'"));
        assertEquals(0L, count("SELECT COUNT(*) FROM status_history WHERE reference = 'NOAUDIT-1'"));
        assertEquals(0L, count("SELECT COUNT(*) FROM notification WHERE reference = 'NOAUDIT-1'"));
        execute("DROP TRIGGER injected_failure");

        execute("CREATE TRIGGER injected_failure BEFORE INSERT ON notification BEGIN SELECT RAISE(ABORT, 'injected'); END");
        assertThrows(StoreException.class, () -> file(store, "NOMSG-1", "sms"));
        assertEquals(0L, count("SELECT COUNT(*) FROM application WHERE reference = 'NOMSG-1'"));
        assertEquals(0L, count("SELECT COUNT(*) FROM audit_log WHERE subject = 'NOMSG-1'"));
        execute("DROP TRIGGER injected_failure");

        file(store, "BOTH-1", "sms").orElseThrow();
        assertEquals(1L, count("SELECT COUNT(*) FROM audit_log WHERE subject = 'BOTH-1'"));
        assertTrue(new SqlAuditLog(db, chain).verify().intact());
    }

    private void execute(String sql) {
        db.write("test DDL", c -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            return null;
        });
    }

    /** Keeps the writer thread busy until the latch is released, so the writes queued meanwhile form one batch. */
    private CountDownLatch holdTheWriter() throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        pool.submit(() -> db.write("hold the writer", c -> {
            inside.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        return release;
    }

    private void awaitQueued(int writes) throws InterruptedException {
        for (int i = 0; i < 500 && db.queuedWrites() < writes; i++) {
            Thread.sleep(10);
        }
        assertEquals(writes, db.queuedWrites(), "the writes wait in the queue");
    }

    private long count(String sql) {
        return db.read("count", c -> {
            try (PreparedStatement q = c.prepareStatement(sql); ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
