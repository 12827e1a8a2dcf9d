package org.khidmat.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.khidmat.api.store.CentreEvents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signals between the nodes of a centre over the shared database (SQLite or PostgreSQL): a signal is a row of
 * {@code centre_event}; one light thread per node reads the rows after the last one it saw and hands those of other
 * nodes to the subscribers of their centre; rows older than {@link #KEEP} are deleted. Ids must become visible in
 * order for "after the last one it saw" to miss none: SQLite commits one writer at a time, and on PostgreSQL a
 * publication holds the {@link Dialect.Lock#CENTRE_EVENTS} lock to its commit. On SQLite the thread reads every
 * {@link #POLL}; on PostgreSQL a publication also sends {@code NOTIFY khidmat_centre_event} in its transaction, the
 * node's listening connection ({@link Database#listen}) wakes the thread at once, and it reads every
 * {@link #SAFETY_POLL} besides, as a safety net. Order and completeness come from the rows either way.
 */
@Component(service = CentreEvents.class)
public final class SqlCentreEvents implements CentreEvents, AutoCloseable {
    static final Duration POLL = Duration.ofMillis(300);
    /** How often the rows are read where the database notifies: only for a notification that went missing. */
    static final Duration SAFETY_POLL = Duration.ofSeconds(5);
    /** The PostgreSQL channel a publication notifies; its payload is the centre. */
    static final String CHANNEL = "khidmat_centre_event";
    static final Duration KEEP = Duration.ofMinutes(5);
    /** Most rows read in one poll; a burst beyond it is read at the next poll. */
    static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(SqlCentreEvents.class);
    private final Database database;
    private final Clock clock;
    private final String origin = UUID.randomUUID().toString();
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller;
    private final AtomicBoolean readPending = new AtomicBoolean();
    private final AutoCloseable listening;
    private volatile long last;
    private long pruned;

    /** Over the shared database (SQLite or PostgreSQL, as configured). */
    @Activate
    public SqlCentreEvents(@Reference Database database) {
        this(database, Clock.systemUTC());
    }

    SqlCentreEvents(Database database, Clock clock) {
        this(database, clock, database.notifies() ? SAFETY_POLL : POLL);
    }

    /** With a poll period of its own (tests: a long one shows that the notification, not the poll, delivered). */
    SqlCentreEvents(Database database, Clock clock, Duration poll) {
        this.database = database;
        this.clock = clock;
        this.last = database.read("read the last centre event", c -> {
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(
                    "SELECT COALESCE(MAX(id), 0) FROM centre_event")) {
                rows.next();
                return rows.getLong(1);
            }
        });
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "khidmat-centre-events");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        listening = database.notifies() ? database.listen(CHANNEL, this::wake) : null;
    }

    /** Reads the rows now on the events thread; wakes that come while one read waits to run make no second one. */
    private void wake() {
        if (readPending.compareAndSet(false, true)) {
            try {
                poller.execute(() -> {
                    readPending.set(false);
                    poll();
                });
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                readPending.set(false);
            }
        }
    }

    @Override
    public void publish(String centre, String event) {
        long at = clock.millis();
        database.write("publish a centre event", c -> {
            database.dialect().lock(c, Dialect.Lock.CENTRE_EVENTS);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO centre_event (centre, event, origin, at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, centre);
                insert.setString(2, event);
                insert.setString(3, origin);
                insert.setLong(4, at);
                insert.executeUpdate();
            }
            database.dialect().notify(c, CHANNEL, centre);
            return null;
        });
    }

    @Override
    public AutoCloseable subscribe(String centre, Consumer<String> listener) {
        listeners.computeIfAbsent(centre, k -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.getOrDefault(centre, List.of()).remove(listener);
    }

    private void poll() {
        try {
            while (readBatch() == BATCH) {
                // a burst beyond one batch: read on
            }
            prune();
        } catch (RuntimeException e) {
            LOG.warn("centre events: reading the events failed, trying again at the next poll: {}", e.toString());
        }
    }

    /** @return how many rows it read */
    private int readBatch() {
        record Row(long id, String centre, String event, String origin) {
        }
        long after = last;
        List<Row> rows = database.read("read centre events", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id, centre, event, origin FROM centre_event"
                    + " WHERE id > ? ORDER BY id LIMIT " + BATCH)) {
                q.setLong(1, after);
                List<Row> out = new java.util.ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        out.add(new Row(r.getLong(1), r.getString(2), r.getString(3), r.getString(4)));
                    }
                }
                return out;
            }
        });
        for (Row row : rows) {
            last = row.id();
            if (!origin.equals(row.origin())) {
                deliver(row.centre(), row.event());
            }
        }
        return rows.size();
    }

    private void deliver(String centre, String event) {
        for (Consumer<String> l : listeners.getOrDefault(centre, List.of())) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("centre events: a listener of {} failed: {}", centre, e.toString());
            }
        }
    }

    private void prune() {
        long now = clock.millis();
        if (now - pruned < KEEP.toMillis() / 5) {
            return;
        }
        pruned = now;
        database.write("prune centre events", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM centre_event WHERE at < ?")) {
                delete.setLong(1, now - KEEP.toMillis());
                return delete.executeUpdate();
            }
        });
    }

    /** Stops the poller; events published later are not delivered here. */
    @Deactivate
    @Override
    public void close() {
        if (listening != null) {
            try {
                listening.close();
            } catch (Exception e) {
                LOG.debug("centre events: stopping to listen: {}", e.toString());
            }
        }
        poller.shutdownNow();
        try {
            poller.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
