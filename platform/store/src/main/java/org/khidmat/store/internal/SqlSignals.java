package org.khidmat.store.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * each subscribed topic's row (its primary key) every {@link #POLL_MS} ms and calls the listeners when it moved. It
 * works across processes sharing one SQLite file, and on PostgreSQL as it is; a LISTEN/NOTIFY class may replace it
 * there behind the same {@link Signals} contract.
 */
@Component(service = Signals.class)
public final class SqlSignals implements Signals, AutoCloseable {
    /** How often the subscribed rows are read: a change is heard within this, well inside the 2 s promise. */
    static final long POLL_MS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(SqlSignals.class);

    private final Database database;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private Thread poller;
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
        this.database = database;
    }

    /** Bumps a topic's counter inside the caller's transaction, so the signal commits with the change it tells of. */
    static void bump(Connection c, String topic) throws SQLException {
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
            bump(c, topic);
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

    private void poll() {
        while (!closed) {
            try {
                Thread.sleep(POLL_MS);
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
        synchronized (lock) {
            closed = true;
            t = poller;
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
