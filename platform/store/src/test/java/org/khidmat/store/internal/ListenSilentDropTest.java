package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.khidmat.testkit.Postgres;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A listening connection that a balancer or a NAT drops without a reset (a {@link SilentProxy} between pgjdbc and
 * PostgreSQL stops carrying bytes and closes nothing) is noticed by the listener's own check and made again, and the
 * reconnection wakes the listeners, so what was published meanwhile is read: within
 * {@link NotificationListener#CHECK_AFTER_MS} of silence plus {@link NotificationListener#CHECK_TIMEOUT_MS} for the
 * check's answer plus the first pause, about 4.4 s; the test allows 10 s on a busy machine.
 */
class ListenSilentDropTest {
    private static final String CHANNEL = "khidmat_silent_test";
    private static final long BOUND_S = 10;

    @Test
    void aListeningConnectionDroppedWithoutAWordIsMadeAgainAndWakesItsListeners() throws Exception {
        Postgres.Db db = Postgres.database();
        URI server = URI.create(db.url().substring("jdbc:".length()));
        try (SilentProxy proxy = new SilentProxy(server.getHost(), server.getPort())) {
            PGSimpleDataSource source = new PGSimpleDataSource();
            source.setURL(db.url().replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + proxy.port()));
            source.setUser(db.user());
            source.setPassword(db.password());
            try (NotificationListener listener = new NotificationListener(source, "khidmat-silent-test")) {
                BlockingQueue<Long> wakes = new LinkedBlockingQueue<>();
                listener.listen(CHANNEL, () -> wakes.add(System.nanoTime()));
                assertNotNull(wakes.poll(BOUND_S, TimeUnit.SECONDS), "the first LISTEN wakes the listener");
                notifyChannel(db);
                assertNotNull(wakes.poll(BOUND_S, TimeUnit.SECONDS), "a notification through the proxy wakes it");
                wakes.clear();

                proxy.silence();
                long t0 = System.nanoTime();
                notifyChannel(db); // lost on the silent connection: only a reconnection's catch-up wake tells of it
                Long woken = wakes.poll(BOUND_S, TimeUnit.SECONDS);
                assertNotNull(woken, "no wake within " + BOUND_S + " s of a silent drop: the listener did not notice");
                long millis = TimeUnit.NANOSECONDS.toMillis(woken - t0);
                System.out.printf("silent drop noticed and listened again after %d ms%n", millis);
                assertTrue(listener.reconnections() >= 1, "it connected again");

                wakes.clear();
                notifyChannel(db);
                assertNotNull(wakes.poll(BOUND_S, TimeUnit.SECONDS), "new notifications arrive on the new connection");
            }
        }
    }

    @Test
    void aQuietButLiveConnectionIsKeptAcrossChecks() throws Exception {
        Postgres.Db db = Postgres.database();
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(db.url());
        source.setUser(db.user());
        source.setPassword(db.password());
        try (NotificationListener listener = new NotificationListener(source, "khidmat-quiet-test")) {
            BlockingQueue<Long> wakes = new LinkedBlockingQueue<>();
            listener.listen(CHANNEL, () -> wakes.add(System.nanoTime()));
            assertNotNull(wakes.poll(BOUND_S, TimeUnit.SECONDS), "the first LISTEN wakes the listener");
            assertNull(wakes.poll(2 * NotificationListener.CHECK_AFTER_MS + 500, TimeUnit.MILLISECONDS),
                    "silence of a live connection over two checks wakes nobody");
            assertTrue(listener.checks() >= 1, "the quiet connection was checked");
            assertTrue(listener.reconnections() == 0, "and kept");
        }
    }

    private static void notifyChannel(Postgres.Db db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("NOTIFY " + CHANNEL);
        }
    }
}
