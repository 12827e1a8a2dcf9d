package org.khidmat.store.internal;

import static org.khidmat.store.internal.SqlApplicationStore.millis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.khidmat.api.store.DraftStore;
import org.khidmat.api.store.StoredDraft;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Citizens' drafts, table {@code draft}: keyed by the SHA-256 of the cookie's id, the body sealed under a key derived
 * from the id ({@link DraftSeal}). The limits are kept in the opening transaction: drafts idle past
 * {@link DraftStore#IDLE} are deleted ({@link #SWEEP} at most a call), then the address's own oldest make room, then,
 * only when all drafts together are over {@link DraftStore#MOST} or {@link DraftStore#BUDGET_CHARS}, the oldest of the
 * address holding the most. On PostgreSQL openers take one advisory lock, so two nodes cannot both count 19 and insert.
 */
@Component(service = DraftStore.class)
public final class SqlDraftStore implements DraftStore {
    /** Idle drafts deleted by one open at most: bounded work, and far more than drafts are opened. */
    static final int SWEEP = 64;
    /** Drafts given way by one open at most, however far over the total a database found itself. */
    private static final int MOST_EVICTIONS = 64;
    private static final Logger LOG = LoggerFactory.getLogger(SqlDraftStore.class);
    private final Database database;
    private final int perAddress;
    private final int most;
    private final long budgetChars;

    /** Over the shared database (SQLite or PostgreSQL, as configured), with the limits of {@link DraftStore}. */
    @Activate
    public SqlDraftStore(@Reference Database database) {
        this(database, PER_ADDRESS, MOST, BUDGET_CHARS);
    }

    SqlDraftStore(Database database, int perAddress, int most, long budgetChars) {
        this.database = database;
        this.perAddress = perAddress;
        this.most = most;
        this.budgetChars = budgetChars;
    }

    @Override
    public void open(String id, String address, StoredDraft draft, Instant now) {
        Objects.requireNonNull(address, "address");
        String key = DraftSeal.keyHash(id);
        String by = DraftSeal.addressHash(address);
        byte[] body = DraftSeal.seal(id, fitting(draft));
        long idleSince = millis(now.minus(IDLE));
        database.write("open a citizen's draft", c -> {
            database.dialect().lock(c, Dialect.Lock.DRAFTS);
            sweep(c, idleSince);
            for (int n = held(c, by); n >= perAddress; n--) {
                evictOldest(c, by);
            }
            long[] all = totals(c);
            for (int i = 0; i < MOST_EVICTIONS && (all[0] >= most || all[1] > budgetChars); i++) {
                long chars = evictOldest(c, heaviest(c));
                all[0]--;
                all[1] -= chars;
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO draft (key_hash, address_hash, chars, body,"
                    + " touched, claimed_until) VALUES (?, ?, ?, ?, ?, 0)")) {
                insert.setString(1, key);
                insert.setString(2, by);
                insert.setLong(3, draft.chars());
                insert.setBytes(4, body);
                insert.setLong(5, millis(now));
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<StoredDraft> find(String id, Instant now) {
        String key = DraftSeal.keyHash(id);
        record Row(byte[] body, long touched) {
        }
        Optional<Row> row = database.read("read a citizen's draft", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT body, touched FROM draft WHERE key_hash = ?"
                    + " AND touched >= ?")) {
                q.setString(1, key);
                q.setLong(2, millis(now.minus(IDLE)));
                try (ResultSet rows = q.executeQuery()) {
                    return rows.next() ? Optional.of(new Row(rows.getBytes(1), rows.getLong(2))) : Optional.<Row>empty();
                }
            }
        });
        if (row.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DraftSeal.open(id, row.get().body()).withTouched(Instant.ofEpochMilli(row.get().touched())));
        } catch (IllegalStateException e) {
            LOG.warn("A citizen's draft could not be opened ({}); it is treated as gone", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public boolean save(String id, StoredDraft draft, Instant now) {
        String key = DraftSeal.keyHash(id);
        byte[] body = DraftSeal.seal(id, fitting(draft));
        return database.write("save a citizen's draft", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE draft SET body = ?, chars = ?, touched = ?,"
                    + " claimed_until = 0 WHERE key_hash = ? AND touched >= ?")) {
                update.setBytes(1, body);
                update.setLong(2, draft.chars());
                update.setLong(3, millis(now));
                update.setString(4, key);
                update.setLong(5, millis(now.minus(IDLE)));
                return update.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean touch(String id, Instant now) {
        String key = DraftSeal.keyHash(id);
        return database.write("keep a citizen's draft", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE draft SET touched = ? WHERE key_hash = ?"
                    + " AND touched >= ?")) {
                update.setLong(1, millis(now));
                update.setString(2, key);
                update.setLong(3, millis(now.minus(IDLE)));
                return update.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean claim(String id, Instant now, Instant until) {
        String key = DraftSeal.keyHash(id);
        return database.write("claim a citizen's draft for filing", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE draft SET claimed_until = ? WHERE key_hash = ?"
                    + " AND touched >= ? AND claimed_until <= ?")) {
                update.setLong(1, millis(until));
                update.setString(2, key);
                update.setLong(3, millis(now.minus(IDLE)));
                update.setLong(4, millis(now));
                return update.executeUpdate() > 0;
            }
        });
    }

    @Override
    public int count() {
        return database.read("count citizens' drafts", c -> (int) totals(c)[0]);
    }

    private static StoredDraft fitting(StoredDraft draft) {
        Objects.requireNonNull(draft, "draft");
        if (draft.chars() > DRAFT_CHARS) {
            throw new IllegalArgumentException("a draft's answers hold " + draft.chars() + " characters, more than the "
                    + DRAFT_CHARS + " a draft may hold");
        }
        return draft;
    }

    private static void sweep(Connection c, long idleSince) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM draft WHERE key_hash IN (SELECT key_hash FROM"
                + " draft WHERE touched < ? ORDER BY touched LIMIT " + SWEEP + ")")) {
            delete.setLong(1, idleSince);
            delete.executeUpdate();
        }
    }

    /** @return the address's drafts, counted up to the limit (a bounded read however many it holds) */
    private int held(Connection c, String by) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM draft WHERE address_hash = ?"
                + " LIMIT " + perAddress + ") held")) {
            q.setString(1, by);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** @return {count, characters} of all drafts */
    private static long[] totals(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(chars), 0) FROM draft");
                ResultSet rows = q.executeQuery()) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
        }
    }

    /** @return the address holding the most drafts */
    private static String heaviest(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT address_hash FROM draft GROUP BY address_hash"
                + " ORDER BY COUNT(*) DESC, address_hash LIMIT 1"); ResultSet rows = q.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** Deletes the address's least recently touched draft; @return its characters (0 when it had none) */
    private static long evictOldest(Connection c, String by) throws SQLException {
        if (by == null) {
            return 0;
        }
        String key;
        long chars;
        try (PreparedStatement q = c.prepareStatement("SELECT key_hash, chars FROM draft WHERE address_hash = ?"
                + " ORDER BY touched, key_hash LIMIT 1")) {
            q.setString(1, by);
            try (ResultSet rows = q.executeQuery()) {
                if (!rows.next()) {
                    return 0;
                }
                key = rows.getString(1);
                chars = rows.getLong(2);
            }
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM draft WHERE key_hash = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        }
        return chars;
    }
}
