package org.khidmat.store.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import static org.khidmat.store.internal.SqlApplicationStore.millis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.store.NotificationStore;

/** The outbox of messages to citizens, table {@code notification}. */
@Component(service = NotificationStore.class)
public final class SqlNotificationStore implements NotificationStore {
    private static final String COLUMNS = "id, reference, event, channel, recipient, text, state, provider,"
            + " provider_reference, attempts, created_at, sent_at, error";
    private final Database database;

    @Activate
    public SqlNotificationStore(@Reference Database database) {
        this.database = database;
    }

    @Override
    public Notification add(Notification n) {
        return database.write("queue a message about " + n.reference(), c -> insert(c, n));
    }

    /** Queues a message; its values are bound by {@link #bindQueued}, its id is generated. */
    static final String QUEUE = "INSERT INTO notification (reference, event, channel, recipient, text, state, attempts,"
            + " created_at, lease_until) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)";

    /** Queues a message in the transaction on {@code c}; @return it with its id */
    static Notification insert(Connection c, Notification n) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(QUEUE + " RETURNING id")) {
            bindQueued(insert, n);
            try (ResultSet keys = insert.executeQuery()) {
                keys.next();
                return queued(keys.getLong(1), n);
            }
        }
    }

    static void bindQueued(PreparedStatement insert, Notification n) throws SQLException {
        insert.setString(1, n.reference());
        insert.setString(2, n.event());
        insert.setString(3, n.channel());
        insert.setString(4, n.recipient());
        insert.setString(5, n.text());
        insert.setString(6, Notification.QUEUED);
        insert.setLong(7, millis(n.createdAt()));
        insert.setLong(8, millis(n.createdAt().plus(FILED_LEASE)));
    }

    /** @return the message as queued under {@code id} */
    static Notification queued(long id, Notification n) {
        return new Notification(id, n.reference(), n.event(), n.channel(), n.recipient(), n.text(), Notification.QUEUED,
                null, null, 0, n.createdAt(), null, null);
    }

    @Override
    public void update(long id, String state, String provider, String providerReference, int attempts, Instant sentAt,
            String error) {
        record(List.of(new Notification(id, null, null, null, null, null, state, provider, providerReference, attempts,
                null, sentAt, error)));
    }

    /** One write for the batch: a statement executed once per delivery, in one transaction. */
    @Override
    public void record(List<Notification> deliveries) {
        record(deliveries, null, null);
    }

    /** One write for the batch; the messages still queued stay held by {@code holder} until {@code holdUntil}. */
    @Override
    public void record(List<Notification> deliveries, String holder, Instant holdUntil) {
        if (deliveries.isEmpty()) {
            return;
        }
        database.write("record the delivery of " + deliveries.size() + " message(s)", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE notification SET state = ?, provider = ?,"
                    + " provider_reference = ?, attempts = ?, sent_at = ?, error = ?,"
                    + " claimed_by = COALESCE(?, claimed_by), lease_until = COALESCE(?, lease_until) WHERE id = ?")) {
                for (Notification n : deliveries) {
                    update.setString(1, n.state());
                    update.setString(2, n.provider());
                    update.setString(3, n.providerReference());
                    update.setInt(4, n.attempts());
                    if (n.sentAt() == null) {
                        update.setNull(5, java.sql.Types.INTEGER);
                    } else {
                        update.setLong(5, millis(n.sentAt()));
                    }
                    update.setString(6, n.error());
                    boolean hold = holder != null && holdUntil != null && Notification.QUEUED.equals(n.state());
                    update.setString(7, hold ? holder : null);
                    if (hold) {
                        update.setLong(8, millis(holdUntil));
                    } else {
                        update.setNull(8, java.sql.Types.BIGINT);
                    }
                    update.setLong(9, n.id());
                    update.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * One UPDATE that takes the oldest unheld queued messages and returns them: SQLite runs one writer at a time, so
     * two nodes never claim the same row; PostgreSQL's twin selects them {@code FOR UPDATE SKIP LOCKED}.
     */
    @Override
    public List<Notification> claim(String holder, Instant now, Instant until, int limit) {
        return database.write("claim queued messages", c -> {
            try (PreparedStatement claim = c.prepareStatement("UPDATE notification SET claimed_by = ?, lease_until = ?"
                    + " WHERE id IN (SELECT id FROM notification WHERE state = 'queued' AND lease_until < ?"
                    + " ORDER BY id LIMIT ?) RETURNING " + COLUMNS)) {
                claim.setString(1, holder);
                claim.setLong(2, millis(until));
                claim.setLong(3, millis(now));
                claim.setInt(4, limit);
                List<Notification> out = new ArrayList<>();
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        out.add(notification(rows));
                    }
                }
                out.sort(java.util.Comparator.comparingLong(Notification::id));
                return out;
            }
        });
    }

    @Override
    public List<Notification> forReference(String reference) {
        return list("SELECT " + COLUMNS + " FROM notification WHERE reference = ? ORDER BY id", reference, -1);
    }

    @Override
    public List<Notification> recent(int limit) {
        if (limit <= 0) {
            return List.of(); // a negative limit would leave LIMIT ? unbound below
        }
        return list("SELECT " + COLUMNS + " FROM notification ORDER BY id DESC LIMIT ?", null, limit);
    }

    @Override
    public List<Notification> queued() {
        return list("SELECT " + COLUMNS + " FROM notification WHERE state = 'queued' ORDER BY id", null, -1);
    }

    private List<Notification> list(String sql, String value, int limit) {
        return database.read("read messages", c -> {
            try (PreparedStatement q = c.prepareStatement(sql)) {
                if (value != null) {
                    q.setString(1, value);
                }
                if (limit >= 0) {
                    q.setInt(1, limit);
                }
                List<Notification> out = new ArrayList<>();
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        out.add(notification(rows));
                    }
                }
                return out;
            }
        });
    }

    private static Notification notification(ResultSet rows) throws SQLException {
        long sent = rows.getLong(12);
        Instant sentAt = rows.wasNull() ? null : Instant.ofEpochMilli(sent);
        return new Notification(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                rows.getInt(10), Instant.ofEpochMilli(rows.getLong(11)), sentAt, rows.getString(13));
    }
}
