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
