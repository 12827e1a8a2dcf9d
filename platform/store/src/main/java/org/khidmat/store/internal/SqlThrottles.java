package org.khidmat.store.internal;

import static org.khidmat.store.internal.SqlApplicationStore.millis;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import org.khidmat.api.store.ThrottleCount;
import org.khidmat.api.store.Throttles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Throttle counters, table {@code throttle}: one upsert a hit, in SQL PostgreSQL runs as it is. */
@Component(service = Throttles.class)
public final class SqlThrottles implements Throttles {
    static final String HIT = "INSERT INTO throttle (name, n, last_at, expires_at) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (name) DO UPDATE SET n = CASE WHEN throttle.expires_at < excluded.last_at THEN excluded.n"
            + " ELSE throttle.n + excluded.n END, last_at = excluded.last_at, expires_at = excluded.expires_at RETURNING n";
    private final Database database;

    /** Over the shared database (SQLite or PostgreSQL, as configured). */
    @Activate
    public SqlThrottles(@Reference Database database) {
        this.database = database;
    }

    @Override
    public long hit(String key, Instant at, Instant expires) {
        return hit(key, 1, at, expires);
    }

    @Override
    public long hit(String key, long hits, Instant at, Instant expires) {
        return database.write("count a throttled request", c -> {
            try (PreparedStatement upsert = c.prepareStatement(HIT)) {
                upsert.setString(1, key);
                upsert.setLong(2, hits);
                upsert.setLong(3, millis(at));
                upsert.setLong(4, millis(expires));
                try (ResultSet rows = upsert.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    @Override
    public Optional<ThrottleCount> count(String key, Instant now) {
        return database.read("read a throttle", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT n, last_at FROM throttle WHERE name = ?"
                    + " AND expires_at >= ?")) {
                q.setString(1, key);
                q.setLong(2, millis(now));
                try (ResultSet rows = q.executeQuery()) {
                    return rows.next() ? Optional.of(ThrottleCount.of(rows.getLong(1), Instant.ofEpochMilli(rows.getLong(2))))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public void clear(String key) {
        database.write("clear a throttle", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM throttle WHERE name = ?")) {
                delete.setString(1, key);
                delete.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public int forget(Instant now) {
        return database.write("forget expired throttles", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM throttle WHERE expires_at < ?")) {
                delete.setLong(1, millis(now));
                return delete.executeUpdate();
            }
        });
    }
}
