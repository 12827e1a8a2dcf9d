package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.store.StoredSession;

/** Two store instances over one database file stand for two nodes: what one writes, the other sees and obeys. */
class SharedStateTest {
    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");
    @TempDir
    Path dir;
    private SqliteDatabase a;
    private SqliteDatabase b;
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    @BeforeEach
    void open() {
        a = SqliteDatabase.open(dir.resolve("shared.db"));
        b = SqliteDatabase.open(dir.resolve("shared.db"));
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void aSessionOpenedOnOneNodeIsLiveOnTheOtherAndEndsEverywhere() {
        SqlSessionStore onA = new SqlSessionStore(a);
        SqlSessionStore onB = new SqlSessionStore(b);
        onA.open(StoredSession.of("hash-1", "clerk1", "csrf-1", T0, T0));
        onA.open(StoredSession.of("hash-2", "clerk1", "csrf-2", T0, T0));
        onA.open(StoredSession.of("hash-3", "admin", "csrf-3", T0, T0));
        assertEquals("csrf-1", onB.find("hash-1").orElseThrow().csrf());
        assertTrue(onB.touch("hash-1", T0.plusSeconds(90)));
        assertEquals(T0.plusSeconds(90), onA.find("hash-1").orElseThrow().lastSeen());
        assertFalse(onB.touch("hash-1", T0.plusSeconds(60)), "an older time does not move last_seen back");

        assertEquals(2, onB.closeAll("clerk1"));
        assertTrue(onA.find("hash-1").isEmpty());
        assertTrue(onA.find("hash-2").isEmpty());
        onB.close("hash-3");
        assertTrue(onA.find("hash-3").isEmpty());
        assertEquals(Integer.valueOf(0), a.read("t", c -> {
            try (var q = c.createStatement(); var rows = q.executeQuery("SELECT count(*) FROM staff_session")) {
                rows.next();
                return rows.getInt(1);
            }
        }));
    }

    @Test
    void idleSessionsExpire() {
        SqlSessionStore s = new SqlSessionStore(a);
        s.open(StoredSession.of("old", "clerk1", "c", T0, T0));
        s.open(StoredSession.of("new", "clerk1", "c", T0, T0.plusSeconds(3600)));
        assertEquals(1, new SqlSessionStore(b).expire(T0.plusSeconds(60)));
        assertTrue(s.find("old").isEmpty());
        assertTrue(s.find("new").isPresent());
    }

    @Test
    void throttleHitsFromBothNodesCountInOneRow() throws Exception {
        SqlThrottles onA = new SqlThrottles(a);
        SqlThrottles onB = new SqlThrottles(b);
        Instant expires = T0.plusSeconds(60);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> hits = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                SqlThrottles node = i % 2 == 0 ? onA : onB;
                hits.add(pool.submit(() -> node.hit("post:10.0.0.1", T0, expires)));
            }
            Set<Long> seen = new HashSet<>();
            for (Future<Long> f : hits) {
                seen.add(f.get());
            }
            assertEquals(100, seen.size(), "every hit got a count of its own");
            assertEquals(Set.copyOf(java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList()), seen);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(100, onB.count("post:10.0.0.1", T0).orElseThrow().count());
        assertEquals(1, onA.hit("post:10.0.0.1", expires.plusMillis(1), expires.plusSeconds(60)),
                "a counter past its expiry starts again");
        assertEquals(17, onB.hit("post:10.0.0.1", 16, expires.plusMillis(2), expires.plusSeconds(60)),
                "a share of 16 taken at once");
        onB.clear("post:10.0.0.1");
        assertTrue(onA.count("post:10.0.0.1", T0).isEmpty());
        onA.hit("x", T0, T0.plusSeconds(1));
        assertEquals(1, onB.forget(T0.plusSeconds(2)));
    }

    @Test
    void aLeaseIsHeldByOneNodeUntilItExpiresOrIsReleased() {
        SqlLeases onA = new SqlLeases(a, clock);
        SqlLeases onB = new SqlLeases(b, clock);
        Duration ttl = Duration.ofSeconds(30);
        assertTrue(onA.tryAcquire("appointments.no-show", "node-a", ttl));
        assertFalse(onB.tryAcquire("appointments.no-show", "node-b", ttl));
        assertTrue(onA.tryAcquire("appointments.no-show", "node-a", ttl), "the holder takes it again: a renewal");
        assertEquals("node-a", onB.holder("appointments.no-show").orElseThrow());
        now.set(T0.plusSeconds(20));
        assertTrue(onA.renew("appointments.no-show", "node-a", ttl));
        now.set(T0.plusSeconds(45));
        assertFalse(onB.tryAcquire("appointments.no-show", "node-b", ttl), "renewed at 20 s: held to 50 s");
        now.set(T0.plusSeconds(51));
        assertTrue(onB.tryAcquire("appointments.no-show", "node-b", ttl), "node a stopped renewing: b takes over");
        assertFalse(onA.renew("appointments.no-show", "node-a", ttl));
        onA.release("appointments.no-show", "node-a");
        assertEquals("node-b", onA.holder("appointments.no-show").orElseThrow(), "releasing another's lease does nothing");
        onB.release("appointments.no-show", "node-b");
        assertTrue(onA.holder("appointments.no-show").isEmpty());
        assertTrue(onA.tryAcquire("appointments.no-show", "node-a", ttl));
    }

    @Test
    void manyThreadsOnTwoNodesNeverHoldOneLeaseTogether() throws Exception {
        SqlLeases onA = new SqlLeases(a, Clock.systemUTC());
        SqlLeases onB = new SqlLeases(b, Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger entered = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                SqlLeases node = i % 2 == 0 ? onA : onB;
                String holder = "node-" + i;
                work.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        if (node.tryAcquire("payment:KM7Q4XPA", holder, Duration.ofSeconds(30))) {
                            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            entered.incrementAndGet();
                            inside.decrementAndGet();
                            node.release("payment:KM7Q4XPA", holder);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, most.get(), "never two holders at once");
        assertTrue(entered.get() > 0);
    }

    @Test
    void twoNodesClaimingTogetherClaimEachMessageOnce() throws Exception {
        SqlNotificationStore onA = new SqlNotificationStore(a);
        SqlNotificationStore onB = new SqlNotificationStore(b);
        Instant filed = T0.minusSeconds(3600);
        for (int i = 0; i < 200; i++) {
            onA.add(new Notification(0, "KM7Q-4XPA-K", "submitted", "sms", "03001234567", "text " + i,
                    Notification.QUEUED, null, null, 0, filed, null, null));
        }
        ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> claimers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                SqlNotificationStore node = i % 2 == 0 ? onA : onB;
                String holder = "node-" + i;
                claimers.add(() -> {
                    List<Notification> got;
                    do {
                        got = node.claim(holder, T0, T0.plusSeconds(60), 7);
                        got.forEach(n -> claimed.add(n.id()));
                    } while (!got.isEmpty());
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(claimers)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, claimed.size(), "no message claimed twice");
        assertEquals(200, new HashSet<>(claimed).size());
        assertTrue(onB.claim("node-9", T0.plusSeconds(59), T0.plusSeconds(120), 10).isEmpty(), "held until their lease");
        assertEquals(10, onB.claim("node-9", T0.plusSeconds(61), T0.plusSeconds(120), 10).size(), "then free again");
    }

    @Test
    void aFreshMessageIsHeldByItsFilerAndARetryByItsSender() {
        SqlNotificationStore onA = new SqlNotificationStore(a);
        SqlNotificationStore onB = new SqlNotificationStore(b);
        Notification n = onA.add(new Notification(0, "KM7Q-4XPA-K", "submitted", "sms", "03001234567", "hi",
                Notification.QUEUED, null, null, 0, T0, null, null));
        assertTrue(onB.claim("node-b", T0.plusSeconds(29), T0.plusSeconds(90), 10).isEmpty(), "the filer sends it");
        Notification retry = new Notification(n.id(), n.reference(), n.event(), n.channel(), n.recipient(), n.text(),
                Notification.QUEUED, "sim", null, 1, n.createdAt(), null, "down");
        onA.record(List.of(retry), "node-a", T0.plusSeconds(600));
        assertTrue(onB.claim("node-b", T0.plusSeconds(300), T0.plusSeconds(400), 10).isEmpty(), "held for the retry");
        assertEquals(List.of(n.id()), onB.claim("node-b", T0.plusSeconds(601), T0.plusSeconds(700), 10).stream()
                .map(Notification::id).toList(), "the sender died: another node takes it over");
    }
}
