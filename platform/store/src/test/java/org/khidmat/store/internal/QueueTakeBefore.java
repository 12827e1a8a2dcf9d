package org.khidmat.store.internal;

import static org.khidmat.store.internal.SqlApplicationStore.millis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import org.khidmat.api.platform.QueueToken;

/**
 * A token taken as {@code SqlQueueStore.take} took it before its number was drawn last, kept word for word for {@link QueueTakeBench}
 * to compare with: the queue lock over every centre and letter first, then the letter, the number, the token and a
 * read of it, all held to the commit; the audit entry and the centre event followed in transactions of their own.
 */
final class QueueTakeBefore {
    private QueueTakeBefore() {
    }

    static QueueToken take(Database database, String centre, LocalDate day, String serviceId, String category,
            Instant at) {
        String reference = null;
        String appointment = null;
        return database.write("issue a token for " + serviceId, c -> {
            database.dialect().lock(c, Dialect.Lock.QUEUE); // the next number of a letter, across nodes
            String letter = letter(c, category);
            long seq;
            // one row per centre, day and letter, raised in place: SQL that SQLite and PostgreSQL both run, atomic
            // on either, so nodes sharing the database draw distinct numbers without gaps
            try (PreparedStatement next = c.prepareStatement("INSERT INTO queue_number (centre, day, letter, n)"
                    + " VALUES (?, ?, ?, 1) ON CONFLICT (centre, day, letter) DO UPDATE SET n = queue_number.n + 1"
                    + " RETURNING n")) {
                next.setString(1, centre);
                next.setString(2, day.toString());
                next.setString(3, letter);
                try (ResultSet rows = next.executeQuery()) {
                    rows.next();
                    seq = rows.getLong(1);
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO queue_token (centre, day, letter, seq,"
                    + " service_id, category, reference, state, taken_at, appointment)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?) RETURNING id")) {
                insert.setString(1, centre);
                insert.setString(2, day.toString());
                insert.setString(3, letter);
                insert.setLong(4, seq);
                insert.setString(5, serviceId);
                insert.setString(6, category);
                insert.setString(7, reference);
                insert.setLong(8, millis(at));
                insert.setString(9, appointment);
                try (ResultSet keys = insert.executeQuery()) {
                    keys.next();
                    return SqlQueueStore.find(c, keys.getLong(1)).orElseThrow();
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
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO queue_letter (category, letter) VALUES (?, ?)"
                + " ON CONFLICT (category) DO NOTHING")) {
            insert.setString(1, category);
            insert.setString(2, letter);
            insert.executeUpdate();
        }
        try (PreparedStatement q = c.prepareStatement("SELECT letter FROM queue_letter WHERE category = ?")) {
            q.setString(1, category);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
