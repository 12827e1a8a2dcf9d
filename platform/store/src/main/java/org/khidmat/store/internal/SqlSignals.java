package org.khidmat.store.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.khidmat.api.store.Signals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signals through table {@code signal} (schema 11): a publication bumps its topic's counter; one light thread reads
 * each subscribed topic's row (its primary key) and calls the listeners when it moved. On SQLite it reads every
 * {@link #POLL_MS} ms (it works across processes sharing one file). On PostgreSQL the bump also sends
 * {@code NOTIFY khidmat_signal} in the same transaction, the node's listening connection ({@link Database#listen})
 * wakes the thread at once, and the rows are read every {@link #SAFETY_POLL} only as a safety net.
 */
@Component(service = Signals.class)
public final class SqlSignals implements Signals, AutoCloseable {
    /** How often the subscribed rows are read: a change is heard within this, well inside the 2 s promise. */
    static final long POLL_MS = 250;
    /** How often the rows are read where the database notifies: only for a notification that went missing. */
    static final Duration SAFETY_POLL = Duration.ofSeconds(5);
    /** The PostgreSQL channel a bump notifies; its payload is the topic. */
    static final String CHANNEL = "khidmat_signal";
    private static final Logger LOG = LoggerFactory.getLogger(SqlSignals.class);

    private final Database database;
    private final long pollMs;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private Thread poller;
    private AutoCloseable listening;
    private boolean woken;
    private volatile boolean closed;

    /** A subscribed topic: its counter as last read and its listeners. */
    private static final class Topic {
        volatile long seen;
        final List<Runnable> listeners = new CopyOnWriteArrayList<>();

        Topic(long seen) {
            this.seen = seen;
        }
    }

    /** Over the shared database (SQLite or PostgreSQL, as configured). */
    @Activate
    public SqlSignals(@Reference Database database) {
        this(database, database.notifies() ? SAFETY_POLL : Duration.ofMillis(POLL_MS));
    }

    /** With a poll period of its own (tests: a long one shows that the notification, not the poll, delivered). */
    SqlSignals(Database database, Duration poll) {
        this.database = database;
        this.pollMs = poll.toMillis();
    }

    /**
     * Bumps a topic's counter inside the caller's transaction, so the signal commits with the change it tells of, and
     * on PostgreSQL notifies {@link #CHANNEL} at that commit.
     */
    static void bump(Connection c, Dialect dialect, String topic) throws SQLException {
        dialect.notify(c, CHANNEL, topic);
        try (PreparedStatement up = c.prepareStatement("INSERT INTO signal (topic, counter, changed_at) VALUES (?, 1, ?)"
                + " ON CONFLICT (topic) DO UPDATE SET counter = signal.counter + 1, changed_at = excluded.changed_at")) {
            up.setString(1, topic);
            up.setLong(2, System.currentTimeMillis());
            up.executeUpdate();
        }
    }

    @Override
    public void publish(String topic) {
        Objects.requireNonNull(topic, "topic");
        database.write("publish signal " + topic, c -> {
            bump(c, database.dialect(), topic);
            return null;
        });
    }

    @Override
    public Subscription subscribe(String topic, Runnable listener) {
        Objects.requireNonNull(listener, "listener");
        Topic t = topics.computeIfAbsent(Objects.requireNonNull(topic, "topic"), k -> new Topic(counter(k)));
        t.listeners.add(listener);
        synchronized (lock) {
            if (poller == null && !closed) {
                poller = new Thread(this::poll, "khidmat-signals");
                poller.setDaemon(true);
                poller.start();
                if (database.notifies()) {
                    listening = database.listen(CHANNEL, this::wake);
                }
            }
        }
        return () -> t.listeners.remove(listener);
    }

    private long counter(String topic) {
        return database.read("read signal " + topic, c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT counter FROM signal WHERE topic = ?")) {
                q.setString(1, topic);
                try (ResultSet rows = q.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : 0L;
                }
            }
        });
    }

    /** Reads the rows now rather than at the next poll. */
    private void wake() {
        synchronized (lock) {
            woken = true;
            lock.notifyAll();
        }
    }

    private void poll() {
        while (!closed) {
            try {
                synchronized (lock) {
                    if (!woken && !closed) {
                        lock.wait(pollMs);
                    }
                    woken = false;
                }
            } catch (InterruptedException e) {
                return;
            }
            for (Map.Entry<String, Topic> e : topics.entrySet()) {
                if (closed) {
                    return;
                }
                try {
                    long now = counter(e.getKey());
                    Topic t = e.getValue();
                    if (now != t.seen) {
                        t.seen = now;
                        t.listeners.forEach(l -> tell(e.getKey(), l));
                    }
                } catch (RuntimeException failed) {
                    LOG.debug("could not read signal {}: {}", e.getKey(), failed.getMessage());
                }
            }
        }
    }

    private static void tell(String topic, Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            LOG.warn("a listener of signal {} failed: {}", topic, e.toString());
        }
    }

    @Deactivate
    @Override
    public void close() {
        Thread t;
        AutoCloseable l;
        synchronized (lock) {
            closed = true;
            t = poller;
            l = listening;
        }
        if (l != null) {
            try {
                l.close();
            } catch (Exception e) {
                LOG.debug("stopping to listen for signals: {}", e.toString());
            }
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
