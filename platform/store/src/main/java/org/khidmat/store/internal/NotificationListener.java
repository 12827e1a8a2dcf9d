package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's ear on PostgreSQL's {@code LISTEN/NOTIFY}: ONE connection of its own, outside the pool (a pooled
 * connection would be handed back and its LISTEN lost), on one thread that waits in
 * {@link PGConnection#getNotifications(int)} and wakes the listeners of a channel when a notification on it arrives.
 * A notification says only "look now": a listener reads the rows itself, so order and completeness come from the rows,
 * and a notification missed costs only time. When the connection breaks (a restart of the server, a
 * {@code pg_terminate_backend}), it connects again after a growing pause (100 ms doubling to 5 s) and wakes every
 * listener once it listens again, so what was published meanwhile is read at once. A channel listened to for the
 * first time wakes its listeners too, as the publication may have come between their first read and the LISTEN.
 * A connection that a balancer or a NAT drops without a reset would wait on in silence (TCP keepalive takes hours):
 * after {@link #CHECK_AFTER_MS} with nothing heard, a {@code SELECT 1} must answer within {@link #CHECK_TIMEOUT_MS}
 * (the connection's socket timeout), or the connection is given up and made again, so a silent drop is noticed and
 * caught up within about 4.5 s.
 */
final class NotificationListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationListener.class);
    /** How long one wait for notifications lasts; also the most a new channel or a close waits. */
    static final int WAIT_MS = 250;
    static final long FIRST_PAUSE_MS = 100;
    static final long LONGEST_PAUSE_MS = 5_000;
    /** Silence on the connection after which it is checked. */
    static final long CHECK_AFTER_MS = 2_000;
    /** How long the check (and any other statement, and the login) may wait for an answer: the socket timeout. */
    static final int CHECK_TIMEOUT_MS = 2_000;

    private final PGSimpleDataSource source;
    private final String name;
    private final Map<String, List<Runnable>> wakes = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private Thread thread;
    private volatile boolean closed;
    private volatile int reconnections;
    private volatile int checks;

    /**
     * @param source where the database is (its URL, user and password); its application name is set to {@code name}
     * @param name this connection's application name, seen in {@code pg_stat_activity}
     */
    NotificationListener(PGSimpleDataSource source, String name) {
        this.source = source;
        this.name = name;
        source.setApplicationName(name);
        source.setSocketTimeout(CHECK_TIMEOUT_MS / 1000); // seconds; a wait for notifications sets its own
        source.setConnectTimeout(CHECK_TIMEOUT_MS / 1000);
    }

    /** @return the application name of the listening connection */
    String name() {
        return name;
    }

    /** @return how many times the connection was made again after it broke */
    int reconnections() {
        return reconnections;
    }

    /** @return how many times a quiet connection was checked */
    int checks() {
        return checks;
    }

    /**
     * Calls {@code wake} on the listening thread after each notification on {@code channel}, after the channel is
     * first listened to and after every reconnection. It must be quick (hand the reading to its own thread).
     *
     * @param channel a PostgreSQL identifier in lower case
     * @return closing it stops the calls
     */
    AutoCloseable listen(String channel, Runnable wake) {
        wakes.computeIfAbsent(channel, k -> new CopyOnWriteArrayList<>()).add(wake);
        synchronized (lock) {
            if (thread == null && !closed) {
                thread = new Thread(this::run, "khidmat-pg-listen");
                thread.setDaemon(true);
                thread.start();
            }
        }
        return () -> wakes.getOrDefault(channel, List.of()).remove(wake);
    }

    private void run() {
        long pause = FIRST_PAUSE_MS;
        boolean first = true;
        while (!closed) {
            try (Connection c = source.getConnection()) {
                c.setAutoCommit(true);
                Set<String> listening = new HashSet<>();
                if (!first) {
                    reconnections++; // counted before the wakes below, so a woken listener finds it counted
                }
                listenToNew(c, listening); // wakes every listener: the catch-up read after a reconnection
                if (!first) {
                    LOG.info("Listening to PostgreSQL notifications again; read what was published meanwhile");
                }
                first = false;
                pause = FIRST_PAUSE_MS;
                PGConnection pg = c.unwrap(PGConnection.class);
                long heard = System.nanoTime();
                while (!closed) {
                    PGNotification[] arrived = pg.getNotifications(WAIT_MS);
                    if (arrived == null || arrived.length == 0) {
                        if (System.nanoTime() - heard >= CHECK_AFTER_MS * 1_000_000) {
                            check(c);
                            heard = System.nanoTime();
                        }
                    } else {
                        heard = System.nanoTime();
                        Set<String> channels = new HashSet<>();
                        for (PGNotification n : arrived) {
                            channels.add(n.getName());
                        }
                        channels.forEach(ch -> wakes.getOrDefault(ch, List.of()).forEach(NotificationListener::wake));
                    }
                    listenToNew(c, listening);
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                first = false;
                LOG.warn("The PostgreSQL notification connection broke ({}); connecting again in {} ms, the slow poll"
                        + " carries on meanwhile", e.getMessage(), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException stop) {
                    return;
                }
                pause = Math.min(LONGEST_PAUSE_MS, pause * 2);
            }
        }
    }

    /**
     * Asks the quiet connection to answer; it throws when no answer comes within the socket timeout (pgjdbc then
     * closes the connection), so the listener connects again.
     */
    private void check(Connection c) throws SQLException {
        checks++;
        try (Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        }
    }

    /** LISTENs to every channel with listeners that this connection does not listen to yet, then wakes them. */
    private void listenToNew(Connection c, Set<String> listening) throws SQLException {
        for (String channel : Set.copyOf(wakes.keySet())) {
            if (listening.add(channel)) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + channel);
                }
                wakes.getOrDefault(channel, List.of()).forEach(NotificationListener::wake);
            }
        }
    }

    private static void wake(Runnable wake) {
        try {
            wake.run();
        } catch (RuntimeException e) {
            LOG.warn("A notification listener failed: {}", e.toString());
        }
    }

    /** Stops listening and closes the connection (within {@link #WAIT_MS} and a little). */
    @Override
    public void close() {
        Thread t;
        synchronized (lock) {
            closed = true;
            t = thread;
        }
        if (t != null) {
            t.interrupt(); // ends a pause between connections; a wait for notifications ends by itself
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
