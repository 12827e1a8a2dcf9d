package org.khidmat.store.internal;

import static org.khidmat.store.internal.SqlApplicationStore.millis;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import org.khidmat.api.store.SessionStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.khidmat.api.store.StoredSession;

/** Staff sessions, table {@code staff_session}, keyed by the SHA-256 of the session id. */
@Component(service = SessionStore.class)
public final class SqlSessionStore implements SessionStore {
    private final Database database;

    /** Over the shared database (SQLite or PostgreSQL, as configured). */
    @Activate
    public SqlSessionStore(@Reference Database database) {
        this.database = database;
    }

    @Override
    public void open(StoredSession s) {
        database.write("open a session for " + s.username(), c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO staff_session (id_hash, username, csrf,"
                    + " created_at, last_seen) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id_hash) DO UPDATE SET"
                    + " username = excluded.username, csrf = excluded.csrf, created_at = excluded.created_at,"
                    + " last_seen = excluded.last_seen")) {
                insert.setString(1, s.idHash());
                insert.setString(2, s.username());
                insert.setString(3, s.csrf());
                insert.setLong(4, millis(s.created()));
                insert.setLong(5, millis(s.lastSeen()));
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<StoredSession> find(String idHash) {
        return database.read("read a session", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT username, csrf, created_at, last_seen FROM"
                    + " staff_session WHERE id_hash = ?")) {
                q.setString(1, idHash);
                try (ResultSet rows = q.executeQuery()) {
                    return rows.next() ? Optional.of(StoredSession.of(idHash, rows.getString(1), rows.getString(2),
                            Instant.ofEpochMilli(rows.getLong(3)), Instant.ofEpochMilli(rows.getLong(4))))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean touch(String idHash, Instant lastSeen) {
        return database.write("record a session's request", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE staff_session SET last_seen = ?"
                    + " WHERE id_hash = ? AND last_seen < ?")) {
                update.setLong(1, millis(lastSeen));
                update.setString(2, idHash);
                update.setLong(3, millis(lastSeen));
                return update.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void close(String idHash) {
        database.write("end a session", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM staff_session WHERE id_hash = ?")) {
                delete.setString(1, idHash);
                delete.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public int closeAll(String username) {
        return database.write("end the sessions of " + username, c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM staff_session WHERE username = ?")) {
                delete.setString(1, username);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public int expire(Instant lastSeenBefore) {
        return database.write("end idle sessions", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM staff_session WHERE last_seen < ?")) {
                delete.setLong(1, millis(lastSeenBefore));
                return delete.executeUpdate();
            }
        });
    }
}
