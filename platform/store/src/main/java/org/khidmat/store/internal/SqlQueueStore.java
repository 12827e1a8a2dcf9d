package org.khidmat.store.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import static org.khidmat.store.internal.SqlApplicationStore.millis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.khidmat.api.platform.Counter;
import org.khidmat.api.store.QueueStore;
import org.khidmat.api.platform.QueueToken;

/** Queue tokens ({@code queue_token}), category letters ({@code queue_letter}) and counters ({@code counter}). */
@Component(service = QueueStore.class)
public final class SqlQueueStore implements QueueStore {
    private static final String COLUMNS = "id, day, letter, seq, service_id, category, reference, state, counter,"
            + " taken_at, called_at, finished_at, appointment";
    private final Database database;

    @Activate
    public SqlQueueStore(@Reference Database database) {
        this.database = database;
    }

    @Override
    public QueueToken take(LocalDate day, String serviceId, String category, String reference, String appointment,
            Instant at) {
        return database.write("issue a token for " + serviceId, c -> {
            database.dialect().lock(c, Dialect.Lock.QUEUE); // the next number of a letter, across nodes
            String letter = letter(c, category);
            int seq;
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT COALESCE(MAX(seq), 0) + 1 FROM queue_token WHERE day = ? AND letter = ?")) {
                q.setString(1, day.toString());
                q.setString(2, letter);
                try (ResultSet rows = q.executeQuery()) {
                    rows.next();
                    seq = rows.getInt(1);
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO queue_token (day, letter, seq, service_id,"
                    + " category, reference, state, taken_at, appointment) VALUES (?, ?, ?, ?, ?, ?, 'waiting', ?, ?)"
                    + " RETURNING id")) {
                insert.setString(1, day.toString());
                insert.setString(2, letter);
                insert.setInt(3, seq);
                insert.setString(4, serviceId);
                insert.setString(5, category);
                insert.setString(6, reference);
                insert.setLong(7, millis(at));
                insert.setString(8, appointment);
                try (ResultSet keys = insert.executeQuery()) {
                    keys.next();
                    return find(c, keys.getLong(1)).orElseThrow();
                }
            }
        });
    }

    /** The category's letter, giving it the next free one (A..Z, then AA, AB...) the first time. */
    private static String letter(Connection c, String category) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT letter FROM queue_letter WHERE category = ?")) {
            q.setString(1, category);
            try (ResultSet rows = q.executeQuery()) {
                if (rows.next()) {
                    return rows.getString(1);
                }
            }
        }
        int n;
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM queue_letter")) {
            rows.next();
            n = rows.getInt(1);
        }
        String letter = n < 26 ? String.valueOf((char) ('A' + n)) : "" + (char) ('A' + n / 26 - 1) + (char) ('A' + n % 26);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO queue_letter (category, letter) VALUES (?, ?)")) {
            insert.setString(1, category);
            insert.setString(2, letter);
            insert.executeUpdate();
        }
        return letter;
    }

    @Override
    public Optional<QueueToken> callNext(LocalDate day, Collection<String> categories, int counter, Instant at) {
        StringBuilder sql = new StringBuilder("SELECT id FROM queue_token WHERE day = ? AND state = 'waiting'");
        if (!categories.isEmpty()) {
            sql.append(" AND category IN (").append(String.join(", ", categories.stream().map(x -> "?").toList())).append(')');
        }
        // checked-in appointments first (NULLs sort first in SQLite, so ask for non-null explicitly), then the oldest
        sql.append(" ORDER BY appointment IS NULL, taken_at, id LIMIT 1");
        return database.write("call the next token to counter " + counter, c -> {
            database.dialect().lock(c, Dialect.Lock.QUEUE); // two counters never call the same token
            long id;
            try (PreparedStatement q = c.prepareStatement(sql.toString())) {
                int i = 1;
                q.setString(i++, day.toString());
                for (String category : categories) {
                    q.setString(i++, category);
                }
                try (ResultSet rows = q.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    id = rows.getLong(1);
                }
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE queue_token SET state = 'called', counter = ?,"
                    + " called_at = ? WHERE id = ? AND state = 'waiting'")) {
                update.setInt(1, counter);
                update.setLong(2, millis(at));
                update.setLong(3, id);
                update.executeUpdate();
            }
            return find(c, id);
        });
    }

    @Override
    public Optional<QueueToken> finish(long id, String state, Instant at) {
        if (!QueueToken.SERVED.equals(state) && !QueueToken.NO_SHOW.equals(state)) {
            throw new IllegalArgumentException("a token finishes as served or no-show, not " + state);
        }
        return database.write("finish token " + id, c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE queue_token SET state = ?, finished_at = ? WHERE id = ? AND state = 'called'")) {
                update.setString(1, state);
                update.setLong(2, millis(at));
                update.setLong(3, id);
                return update.executeUpdate() == 1 ? find(c, id) : Optional.<QueueToken>empty();
            }
        });
    }

    @Override
    public Optional<QueueToken> token(long id) {
        return database.read("read token " + id, c -> find(c, id));
    }

    @Override
    public boolean attach(long id, String reference) {
        return database.write("tie token " + id + " to an application", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE queue_token SET reference = ? WHERE id = ?")) {
                update.setString(1, reference);
                update.setLong(2, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<QueueToken> tokens(LocalDate from, LocalDate to) {
        return list("SELECT " + COLUMNS + " FROM queue_token WHERE day >= ? AND day <= ? ORDER BY taken_at, id",
                from.toString(), to.toString(), null);
    }

    /** The waits of a period of days (ISO days, first and last) from the sums kept per day. */
    static final String WAITS = "SELECT service_id, up_to, SUM(tokens) FROM figure_queue_day WHERE day >= ? AND day <= ?"
            + " GROUP BY service_id, up_to HAVING SUM(tokens) > 0 ORDER BY service_id, up_to";

    /** From the counts kept per day ({@code figure_queue_day}, schema 9): a year reads its days' rows, not its tokens. */
    @Override
    public List<Waits> waits(LocalDate from, LocalDate to) {
        return database.read("read the queue's waits", c -> {
            try (PreparedStatement q = c.prepareStatement(WAITS)) {
                q.setString(1, from.toString());
                q.setString(2, to.toString());
                List<Waits> out = new ArrayList<>();
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        long upTo = rows.getLong(2);
                        out.add(new Waits(rows.getString(1), upTo < 0 ? null : Duration.ofMillis(TimeSpans.above(upTo)),
                                upTo < 0 ? null : Duration.ofMillis(upTo), rows.getInt(3)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<QueueToken> recentlyServed(String serviceId, int limit) {
        if (limit <= 0) {
            return List.of(); // SQLite reads LIMIT -1 as no limit at all; PostgreSQL refuses it
        }
        return list("SELECT " + COLUMNS + " FROM queue_token WHERE service_id = ? AND state = 'served'"
                + " ORDER BY finished_at DESC, id DESC LIMIT ?", serviceId, null, limit);
    }

    private List<QueueToken> list(String sql, String a, String b, Integer limit) {
        return database.read("read queue tokens", c -> {
            try (PreparedStatement q = c.prepareStatement(sql)) {
                int i = 1;
                q.setString(i++, a);
                if (b != null) {
                    q.setString(i++, b);
                }
                if (limit != null) {
                    q.setInt(i, limit);
                }
                List<QueueToken> out = new ArrayList<>();
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        out.add(token(rows));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<Counter> counters() {
        return database.read("read counters", c -> {
            List<Counter> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(
                    "SELECT number, categories, open FROM counter ORDER BY number")) {
                while (rows.next()) {
                    String cats = rows.getString(2);
                    out.add(new Counter(rows.getInt(1), cats.isBlank() ? List.of() : Arrays.asList(cats.split(",")),
                            rows.getInt(3) != 0));
                }
            }
            return List.copyOf(out);
        });
    }

    @Override
    public void saveCounter(Counter counter) {
        database.write("store counter " + counter.number(), c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO counter (number, categories, open)"
                    + " VALUES (?, ?, ?) ON CONFLICT (number) DO UPDATE SET categories = excluded.categories,"
                    + " open = excluded.open")) {
                upsert.setInt(1, counter.number());
                upsert.setString(2, String.join(",", counter.categories()));
                upsert.setInt(3, counter.open() ? 1 : 0);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    private static Optional<QueueToken> find(Connection c, long id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM queue_token WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet rows = q.executeQuery()) {
                return rows.next() ? Optional.of(token(rows)) : Optional.empty();
            }
        }
    }

    private static QueueToken token(ResultSet rows) throws SQLException {
        String number = rows.getString(3) + "-" + String.format("%03d", rows.getInt(4));
        return new QueueToken(rows.getLong(1), LocalDate.parse(rows.getString(2)), number, rows.getString(5),
                rows.getString(6), rows.getString(7), rows.getString(8), rows.getInt(9),
                Instant.ofEpochMilli(rows.getLong(10)), instant(rows, 11), instant(rows, 12), rows.getString(13));
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        long v = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
