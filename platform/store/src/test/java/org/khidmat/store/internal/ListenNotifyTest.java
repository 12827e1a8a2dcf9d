package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LISTEN/NOTIFY between two nodes (two {@link PostgresDatabase}s over one embedded PostgreSQL): the pollers poll
 * every minute here, so whatever arrives within seconds was carried by a notification (or by the catch-up read after
 * the listening connection was broken), not by the poll.
 */
class ListenNotifyTest {
    private static final Duration MINUTE_POLL = Duration.ofMinutes(1);
    private static final long WAIT_S = 10;

    @TempDir
    Path dir;
    private Database nodeA;
    private Database nodeB;

    @BeforeEach
    void open() {
        nodeA = Engine.POSTGRESQL.open(dir);
        nodeB = Engine.POSTGRESQL.open(dir);
    }

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void aSignalPublishedOnOneNodeWakesTheOtherLongBeforeItsPoll() throws Exception {
        try (SqlSignals a = new SqlSignals(nodeA, MINUTE_POLL); SqlSignals b = new SqlSignals(nodeB, MINUTE_POLL)) {
            BlockingQueue<Long> heard = new LinkedBlockingQueue<>();
            b.subscribe("bundle-set", () -> heard.add(System.nanoTime()));
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long t0 = System.nanoTime();
                a.publish("bundle-set");
                Long at = heard.poll(WAIT_S, TimeUnit.SECONDS);
                assertNotNull(at, "signal " + i + " not heard within " + WAIT_S + " s, though the poll is a minute");
                millis.add(TimeUnit.NANOSECONDS.toMillis(at - t0));
                heard.clear(); // one wake may be heard for several publications; the next round starts clean
            }
            report("signal", millis);
        }
    }

    @Test
    void aBurstOfCentreEventsArrivesWholeAndInOrder() throws Exception {
        try (SqlCentreEvents a = new SqlCentreEvents(nodeA, Clock.systemUTC(), MINUTE_POLL);
                SqlCentreEvents b = new SqlCentreEvents(nodeB, Clock.systemUTC(), MINUTE_POLL)) {
            List<String> heard = new CopyOnWriteArrayList<>();
            b.subscribe("isb-g11", heard::add);
            List<String> sent = IntStream.range(0, 700).mapToObj(i -> "e" + i).toList();
            sent.forEach(e -> a.publish("isb-g11", e));
            awaitSize(heard, sent.size());
            assertEquals(sent, List.copyOf(heard), "every event of the burst, once each, in the order published");
        }
    }

    @Test
    void aKilledListeningConnectionComesBackAndReadsWhatWasPublishedMeanwhile() throws Exception {
        try (SqlCentreEvents a = new SqlCentreEvents(nodeA, Clock.systemUTC(), MINUTE_POLL);
                SqlCentreEvents b = new SqlCentreEvents(nodeB, Clock.systemUTC(), MINUTE_POLL);
                SqlSignals signalsA = new SqlSignals(nodeA, MINUTE_POLL);
                SqlSignals signalsB = new SqlSignals(nodeB, MINUTE_POLL)) {
            List<String> heard = new CopyOnWriteArrayList<>();
            BlockingQueue<String> signals = new LinkedBlockingQueue<>();
            b.subscribe("isb-g11", heard::add);
            signalsB.subscribe("service-states", () -> signals.add("heard"));
            a.publish("isb-g11", "before");
            awaitSize(heard, 1);

            NotificationListener listener = ((PostgresDatabase) nodeB).listener();
            assertEquals(1, terminate(listener.name()), "node B's listening connection was found and killed");
            List<String> meanwhile = IntStream.range(0, 50).mapToObj(i -> "m" + i).toList();
            meanwhile.forEach(e -> a.publish("isb-g11", e));
            signalsA.publish("service-states");

            List<String> expected = new ArrayList<>(List.of("before"));
            expected.addAll(meanwhile);
            awaitSize(heard, expected.size());
            assertEquals(expected, List.copyOf(heard), "nothing lost or repeated across the reconnection");
            assertNotNull(signals.poll(WAIT_S, TimeUnit.SECONDS), "the signal published meanwhile is heard too");
            assertTrue(listener.reconnections() >= 1, "the listener connected again");

            a.publish("isb-g11", "after");
            expected.add("after");
            awaitSize(heard, expected.size());
            assertEquals(expected, List.copyOf(heard), "and it hears new notifications on the new connection");
        }
    }

    @Test
    void deliveryLatencyOfCentreEventsAsConfigured() throws Exception {
        try (SqlCentreEvents a = new SqlCentreEvents(nodeA, Clock.systemUTC());
                SqlCentreEvents b = new SqlCentreEvents(nodeB, Clock.systemUTC())) {
            BlockingQueue<Long> heard = new LinkedBlockingQueue<>();
            b.subscribe("isb-g11", e -> heard.add(System.nanoTime()));
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                long t0 = System.nanoTime();
                a.publish("isb-g11", "queue");
                Long at = heard.poll(WAIT_S, TimeUnit.SECONDS);
                assertNotNull(at, "event " + i + " not heard");
                millis.add(TimeUnit.NANOSECONDS.toMillis(at - t0));
            }
            report("centre event (default poll " + (nodeB.notifies() ? SqlCentreEvents.SAFETY_POLL
                    : SqlCentreEvents.POLL).toMillis() + " ms)", millis);
            assertTrue(Collections.max(millis) < 1_000, "every event within a second: " + millis);
        }
    }

    private int terminate(String applicationName) throws Exception {
        try (Connection c = Engine.postgres(dir).connect(); PreparedStatement q = c.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
            q.setString(1, applicationName);
            int killed = 0;
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    killed += r.getBoolean(1) ? 1 : 0;
                }
            }
            return killed;
        }
    }

    private static void awaitSize(List<String> heard, int size) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (heard.size() < size && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(size, heard.size(), "events heard within " + WAIT_S + " s (the poll is a minute): " + heard);
    }

    private static void report(String what, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("%s delivery between nodes: median %d ms, max %d ms over %d%n", what,
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.size());
    }
}
