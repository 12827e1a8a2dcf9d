package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * A queue token's letter ({@code queue_letter}, national, one per category) and number ({@code queue_number}, one row
 * per centre, day and letter), drawn inside the take's transaction. The number row is the one thing takes of a
 * letter at a centre contend for, so it is raised last and in the same statement that stores the token on PostgreSQL.
 */
final class TokenNumbers {
    /** A stored token: its id and its number within its letter. */
    record Stored(long id, long seq) {
    }

    private TokenNumbers() {
    }

    /**
     * Raises the number of the letter (one row per centre, day and letter, atomic on either engine, so nodes sharing
     * the database draw distinct numbers without gaps) and stores the token with it.
     *
     * @return the token's id and number
     */
    static Stored numberAndStore(Connection c, Dialect dialect, String centre, LocalDate day, String letter,
            String serviceId, String category, String reference, long takenAt, String appointment) throws SQLException {
        try (PreparedStatement take = c.prepareStatement(dialect == Dialect.POSTGRESQL ? TAKE_IN_ONE
                : NEXT_NUMBER)) {
            take.setString(1, centre);
            take.setString(2, day.toString());
            take.setString(3, letter);
            if (dialect == Dialect.POSTGRESQL) { // one round trip while the number row is held
                tokenValues(take, 4, serviceId, category, reference, takenAt, appointment);
                try (ResultSet rows = take.executeQuery()) {
                    rows.next();
                    return new Stored(rows.getLong(1), rows.getLong(2));
                }
            }
            long seq;
            try (ResultSet rows = take.executeQuery()) {
                rows.next();
                seq = rows.getLong(1);
            }
            try (PreparedStatement insert = c.prepareStatement(INSERT_TOKEN)) {
                insert.setString(1, centre);
                insert.setString(2, day.toString());
                insert.setString(3, letter);
                insert.setLong(4, seq);
                tokenValues(insert, 5, serviceId, category, reference, takenAt, appointment);
                try (ResultSet keys = insert.executeQuery()) {
                    keys.next();
                    return new Stored(keys.getLong(1), seq);
                }
            }
        }
    }

    private static void tokenValues(PreparedStatement s, int from, String serviceId, String category, String reference,
            long takenAt, String appointment) throws SQLException {
        s.setString(from, serviceId);
        s.setString(from + 1, category);
        s.setString(from + 2, reference);
        s.setLong(from + 3, takenAt);
        s.setString(from + 4, appointment);
    }

    private static final String NEXT_NUMBER = "INSERT INTO queue_number (centre, day, letter, n) VALUES (?, ?, ?, 1)"
            + " ON CONFLICT (centre, day, letter) DO UPDATE SET n = queue_number.n + 1 RETURNING n";
    private static final String INSERT_TOKEN = "INSERT INTO queue_token (centre, day, letter, seq, service_id, category,"
            + " reference, state, taken_at, appointment) VALUES (?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?) RETURNING id";
    /** PostgreSQL: the number and the token in one statement (SQLite has no INSERT inside WITH). */
    private static final String TAKE_IN_ONE = "WITH n AS (" + NEXT_NUMBER.replace("RETURNING n",
            "RETURNING centre, day, letter, n") + ") INSERT INTO queue_token (centre, day, letter, seq, service_id,"
            + " category, reference, state, taken_at, appointment) SELECT n.centre, n.day, n.letter, n.n, ?, ?, ?,"
            + " 'waiting', ?, ? FROM n RETURNING id, seq";

    /**
     * The category's letter, giving it the next free one (A..Z, then AA, AB...) the first time, under the queue lock
     * (two new categories must not count the same letters), read again after the lock as another node may have given
     * it meanwhile.
     */
    static String letter(Connection c, Dialect dialect, String category) throws SQLException {
        String known = knownLetter(c, category);
        if (known != null) {
            return known;
        }
        dialect.lock(c, Dialect.Lock.QUEUE);
        int n;
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM queue_letter")) {
            rows.next();
            n = rows.getInt(1);
        }
        String letter = n < 26 ? String.valueOf((char) ('A' + n)) : "" + (char) ('A' + n / 26 - 1) + (char) ('A' + n % 26);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO queue_letter (category, letter) VALUES (?, ?)"
                + " ON CONFLICT (category) DO NOTHING")) {
            insert.setString(1, category);
            insert.setString(2, letter);
            insert.executeUpdate();
        }
        return knownLetter(c, category);
    }

    private static String knownLetter(Connection c, String category) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT letter FROM queue_letter WHERE category = ?")) {
            q.setString(1, category);
            try (ResultSet rows = q.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
