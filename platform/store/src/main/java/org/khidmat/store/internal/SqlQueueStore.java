package org.khidmat.store.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import static org.khidmat.store.internal.SqlApplicationStore.millis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.khidmat.api.platform.Counter;
import org.khidmat.api.platform.Queue;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.store.QueueStore;
import org.khidmat.api.platform.QueueToken;

/**
 * Queue tokens ({@code queue_token}), their numbers per centre, day and letter ({@code queue_number}), category
 * letters ({@code queue_letter}, national) and counters per centre ({@code counter}).
 */
@Component(service = QueueStore.class)
public final class SqlQueueStore implements QueueStore {
    private static final String COLUMNS = "id, day, letter, seq, service_id, category, reference, state, counter,"
            + " taken_at, called_at, finished_at, appointment";
    private final Database database;
    /** Appends a take's audit entry in its transaction; {@code null} in tests of the queue alone. */
    private final AuditChain chain;

    @Activate
    public SqlQueueStore(@Reference Database database, @Reference AuditChain chain) {
        this.database = database;
        this.chain = chain;
    }

    /** For tests of the queue alone: no audit chain, so no audited take. */
    SqlQueueStore(Database database) {
        this(database, null);
    }

    @Override
    public QueueToken take(String centre, LocalDate day, String serviceId, String category, String reference,
            String appointment, Instant at) {
        return take(centre, day, serviceId, category, reference, appointment, at, null);
    }

    /**
     * The token's number is drawn last, right before the audit entry and the commit: the letter is read without a
     * lock (given under {@link Dialect.Lock#QUEUE} only the first time a category is seen), then one statement raises
     * the number row of the centre, day and letter and stores the token. Only takes of that same letter wait for that
     * row, and only for the audit entry and the commit; takes of other letters and centres never wait for it. The
     * number row is raised in the token's transaction, so a take that fails leaves no gap.
     */
    @Override
    public QueueToken take(String centre, LocalDate day, String serviceId, String category, String reference,
            String appointment, Instant at, Function<QueueToken, AuditNote> note) {
        if (note != null && chain == null) {
            throw new IllegalStateException("this queue store was built without the audit chain");
        }
        return database.write("issue a token for " + serviceId, c -> {
            String letter = TokenNumbers.letter(c, database.dialect(), category);
            long millis = millis(at);
            TokenNumbers.Stored stored = TokenNumbers.numberAndStore(c, database.dialect(), centre, day, letter, serviceId,
                    category, reference, millis, appointment);
            QueueToken t = new QueueToken(stored.id(), day, number(letter, stored.seq()), serviceId, category, reference,
                    QueueToken.WAITING, 0, Instant.ofEpochMilli(millis), null, null, appointment);
            if (note != null) {
                chain.append(c, note.apply(t));
            }
            return t;
        });
    }

    /** Locks only the token it calls, no queue-wide lock: {@link QueueLine#callNext}. */
    @Override
    public Optional<QueueToken> callNext(String centre, LocalDate day, Collection<String> categories, int counter,
            Instant at) {
        return database.write("call the next token to counter " + counter,
                c -> QueueLine.callNext(c, database.dialect(), centre, day, categories, counter, millis(at)));
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
    public List<QueueToken> tokens(String centre, LocalDate from, LocalDate to) {
        return database.read("read queue tokens", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM queue_token WHERE day >= ?"
                    + " AND day <= ?" + (centre == null ? "" : " AND centre = ?") + " ORDER BY taken_at, id")) {
                q.setString(1, from.toString());
                q.setString(2, to.toString());
                if (centre != null) {
                    q.setString(3, centre);
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

    /** The waits of a period of days (ISO days, first and last) from the sums kept per day, centre and service. */
    static final String WAITS = "SELECT service_id, up_to, SUM(tokens) FROM figure_queue_day WHERE day >= ? AND day <= ?"
            + " GROUP BY service_id, up_to HAVING SUM(tokens) > 0 ORDER BY service_id, up_to";

    /**
     * From the counts kept per day ({@code figure_queue_day}, schema 9, per centre since 12): a year reads its days'
     * rows, not its tokens; the country's sums every centre's.
     */
    @Override
    public List<Waits> waits(String centre, LocalDate from, LocalDate to) {
        return database.read("read the queue's waits", c -> {
            try (PreparedStatement q = c.prepareStatement(centre == null ? WAITS
                    : WAITS.replace(" GROUP BY", " AND centre = ? GROUP BY"))) {
                q.setString(1, from.toString());
                q.setString(2, to.toString());
                if (centre != null) {
                    q.setString(3, centre);
                }
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

    /** One statement: the waiting tokens of its category counted, and those called before it. */
    @Override
    public Queue.Place place(String centre, QueueToken token) {
        if (!QueueToken.WAITING.equals(token.state())) {
            return Queue.Place.NONE;
        }
        return database.read("read a token's place", c -> QueueLine.place(c, centre, token));
    }

    @Override
    public int waiting(String centre, LocalDate day, String category) {
        return database.read("count waiting tokens", c -> QueueLine.waiting(c, centre, day, category));
    }

    @Override
    public List<Counter> counters(String centre) {
        return database.read("read counters", c -> {
            List<Counter> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT number, categories, open FROM counter WHERE centre = ? ORDER BY number")) {
                q.setString(1, centre);
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        String cats = rows.getString(2);
                        out.add(new Counter(rows.getInt(1), cats.isBlank() ? List.of() : Arrays.asList(cats.split(",")),
                                rows.getInt(3) != 0));
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    @Override
    public void saveCounter(String centre, Counter counter) {
        database.write("store counter " + counter.number(), c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO counter (centre, number, categories, open)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (centre, number) DO UPDATE SET categories = excluded.categories,"
                    + " open = excluded.open")) {
                upsert.setString(1, centre);
                upsert.setInt(2, counter.number());
                upsert.setString(3, String.join(",", counter.categories()));
                upsert.setInt(4, counter.open() ? 1 : 0);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    static Optional<QueueToken> find(Connection c, long id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM queue_token WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet rows = q.executeQuery()) {
                return rows.next() ? Optional.of(token(rows)) : Optional.empty();
            }
        }
    }

    private static QueueToken token(ResultSet rows) throws SQLException {
        return new QueueToken(rows.getLong(1), LocalDate.parse(rows.getString(2)), number(rows.getString(3), rows.getInt(4)), rows.getString(5),
                rows.getString(6), rows.getString(7), rows.getString(8), rows.getInt(9),
                Instant.ofEpochMilli(rows.getLong(10)), instant(rows, 11), instant(rows, 12), rows.getString(13));
    }

    /** @return the token's number as the hall shows it: letter, dash, three digits at least */
    private static String number(String letter, long seq) {
        return letter + "-" + String.format("%03d", seq);
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        long v = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
