package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.store.AuditCheck;
import org.khidmat.api.platform.Notification;

/**
 * The writer prepares each of its statements once: a filing after the first prepares nothing on the write connection
 * (the issue 16 profile found a fifth of the writer's time in preparing and finalizing statements, triggers included).
 */
class WriterStatementsTest {
    @TempDir
    Path dir;
    /** The statements the write connection handed out, by identity: a statement prepared anew is a new object. */
    private final Set<Object> statements = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final AtomicInteger prepared = new AtomicInteger();
    /** The text of every statement asked of the write connection, kept or not, in order. */
    private final List<String> asked = java.util.Collections.synchronizedList(new ArrayList<>());
    private SqliteDatabase db;
    private Connection writer;
    private SqlApplicationStore store;

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(dir.resolve("k.db"), this::counting);
        store = new SqlApplicationStore(db, TestChain.of(db));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** The write connection as its users see it, counting the statements it hands out that were never seen before. */
    private Connection counting(Connection real) {
        writer = real;
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    try {
                        if (method.getName().equals("prepareStatement")) {
                            asked.add((String) args[0]);
                        }
                        Object result = method.invoke(real, args);
                        if (method.getName().endsWith("Statement") && statements.add(result)) {
                            prepared.incrementAndGet();
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void filingsAfterTheFirstPrepareNoStatement() throws Exception {
        FilingTest.file(store, "WARM-1", "sms", "email").orElseThrow();
        int before = prepared.get();
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            FilingTest.file(store, "ONE-" + i, "sms", "email").orElseThrow().forEach(m -> ids.add(m.id()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Notification>>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String reference = "MANY-" + i;
                calls.add(pool.submit(() -> FilingTest.file(store, reference, "sms").orElseThrow()));
            }
            for (Future<List<Notification>> call : calls) {
                call.get(30, TimeUnit.SECONDS).forEach(m -> ids.add(m.id()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, prepared.get() - before, "statements prepared anew on the write connection by 60 filings");
        assertEquals(80, ids.size(), "every message has an id of its own");
        assertEquals(80L, count("SELECT COUNT(*) FROM notification WHERE reference LIKE 'ONE-%' OR reference LIKE 'MANY-%'"));
        assertEquals(61L, count("SELECT COUNT(*) FROM status_history"));
        AuditCheck check = new SqlAuditLog(db, TestChain.of(db)).verify();
        assertTrue(check.intact(), check.toString());
    }

    @Test
    void aGroupOfFilingsRunsNoSavepointAndReadsTheAuditHeadOnce() throws Exception {
        FilingTest.file(store, "WARM-1", "sms").orElseThrow();
        int from;
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(11);
        try {
            Future<?> hold = pool.submit(() -> db.write("hold the writer", c -> {
                inside.countDown();
                try {
                    return release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }));
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            from = asked.size();
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String reference = "GROUP-" + i;
                calls.add(pool.submit(() -> FilingTest.file(store, reference, "sms").orElseThrow()));
            }
            for (int i = 0; i < 500 && db.queuedWrites() < 10; i++) {
                Thread.sleep(10);
            }
            assertEquals(10, db.queuedWrites(), "the ten filings wait together");
            release.countDown();
            hold.get(30, TimeUnit.SECONDS);
            for (Future<?> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), asked.stream().filter(sql -> sql.toUpperCase(java.util.Locale.ROOT).contains("SAVEPOINT"))
                .toList(), "no savepoint around each write, from the schema's migration on");
        List<String> group = List.copyOf(asked.subList(from, asked.size()));
        assertEquals(10L, group.stream().filter(sql -> sql.startsWith("INSERT INTO application")).count());
        assertEquals(1L, group.stream().filter(sql -> sql.equals("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"))
                .count(), "the audit chain's head is read once for the ten entries of one transaction");
        AuditCheck check = new SqlAuditLog(db, TestChain.of(db)).verify();
        assertTrue(check.intact(), check.toString());
        assertEquals(11L, count("SELECT COUNT(*) FROM audit_log WHERE subject LIKE 'GROUP-%' OR subject = 'WARM-1'"));
    }

    @Test
    void noInsertIsFollowedByAHiddenQueryForItsRowId() throws Exception {
        // sqlite-jdbc's default prepares and runs "SELECT last_insert_rowid()" inside every INSERT's execute, unseen
        // by a counting connection; the two inserts that need their id use RETURNING instead
        assertTrue(!writer.unwrap(org.sqlite.SQLiteConnection.class).getConnectionConfig().isGetGeneratedKeys(),
                "generated keys are off on the write connection");
    }

    private long count(String sql) {
        return db.read("count", c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        });
    }
}
