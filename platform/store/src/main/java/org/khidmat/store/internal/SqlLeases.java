package org.khidmat.store.internal;

import static org.khidmat.store.internal.SqlApplicationStore.millis;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.khidmat.api.store.Leases;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Named leases, table {@code lease}: taking one is one upsert that changes the row only when it is expired or the
 * holder's own, and says so by returning it (SQL PostgreSQL runs as it is). Times are the database node's clock;
 * nodes' clocks must agree to well within a lease (NTP).
 */
@Component(service = Leases.class)
public final class SqlLeases implements Leases {
    static final String TAKE = "INSERT INTO lease (name, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT (name)"
            + " DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at"
            + " WHERE lease.expires_at < ? OR lease.holder = excluded.holder RETURNING holder";
    private final Database database;
    private final Clock clock;

    /** Over the shared database (SQLite or PostgreSQL, as configured). */
    @Activate
    public SqlLeases(@Reference Database database) {
        this(database, Clock.systemUTC());
    }

    SqlLeases(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public boolean tryAcquire(String name, String holder, Duration ttl) {
        Instant now = clock.instant();
        return database.write("take the lease " + name, c -> {
            try (PreparedStatement take = c.prepareStatement(TAKE)) {
                take.setString(1, name);
                take.setString(2, holder);
                take.setLong(3, millis(now.plus(ttl)));
                take.setLong(4, millis(now));
                try (ResultSet rows = take.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    @Override
    public boolean renew(String name, String holder, Duration ttl) {
        Instant now = clock.instant();
        return database.write("renew the lease " + name, c -> {
            try (PreparedStatement renew = c.prepareStatement("UPDATE lease SET expires_at = ? WHERE name = ?"
                    + " AND holder = ? AND expires_at >= ?")) {
                renew.setLong(1, millis(now.plus(ttl)));
                renew.setString(2, name);
                renew.setString(3, holder);
                renew.setLong(4, millis(now));
                return renew.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void release(String name, String holder) {
        database.write("release the lease " + name, c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM lease WHERE name = ? AND holder = ?")) {
                delete.setString(1, name);
                delete.setString(2, holder);
                delete.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<String> holder(String name) {
        Instant now = clock.instant();
        return database.read("read the lease " + name, c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT holder FROM lease WHERE name = ? AND expires_at >= ?")) {
                q.setString(1, name);
                q.setLong(2, millis(now));
                try (ResultSet rows = q.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }
}
