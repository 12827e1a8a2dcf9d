package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import org.khidmat.api.platform.Queue;
import org.khidmat.api.platform.QueueToken;

/**
 * The line of waiting tokens at a centre: calling the next one, and a token's place in it, each in one statement over
 * the index on {@code (centre, day, state, appointment, id)} (the waiting tokens of a day, not all of its tokens).
 */
final class QueueLine {
    /** Waiting tokens of a centre's day and category. */
    private static final String WAITING = " FROM queue_token WHERE centre = ? AND day = ? AND state = 'waiting'"
            + " AND category = ?";
    /** Whether a row is called before the token given: appointments first (0 before 1), then the oldest, then by id. */
    private static final String CALLED_BEFORE = "(CASE WHEN appointment IS NULL THEN 1 ELSE 0 END) < ?"
            + " OR ((CASE WHEN appointment IS NULL THEN 1 ELSE 0 END) = ? AND (taken_at < ? OR (taken_at = ? AND id < ?)))";

    private QueueLine() {
    }

    /**
     * Calls the next token to a counter, locking only it: the oldest waiting token of the centre's day (checked-in
     * appointments first) of the counter's categories (all when none) that no other open call holds
     * ({@link Dialect#lockRowsSkippingLocked}), so a counter never waits for another, at this centre or any other, and
     * two counters calling at the same instant on two nodes call two tokens. The update checks the state again;
     * should it find the token taken meanwhile (neither engine lets that happen), the next is read.
     */
    static Optional<QueueToken> callNext(Connection c, Dialect dialect, String centre, LocalDate day,
            Collection<String> categories, int counter, long at) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id FROM queue_token WHERE centre = ? AND day = ?"
                + " AND state = 'waiting'");
        if (!categories.isEmpty()) {
            sql.append(" AND category IN (").append(String.join(", ", categories.stream().map(x -> "?").toList())).append(')');
        }
        // checked-in appointments first (NULLs sort first in SQLite, so ask for non-null explicitly), then the oldest
        sql.append(" ORDER BY appointment IS NULL, taken_at, id LIMIT 1").append(dialect.lockRowsSkippingLocked());
        for (int attempt = 0; attempt < 8; attempt++) {
            long id;
            try (PreparedStatement q = c.prepareStatement(sql.toString())) {
                int i = 1;
                q.setString(i++, centre);
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
                update.setLong(2, at);
                update.setLong(3, id);
                if (update.executeUpdate() == 1) {
                    return SqlQueueStore.find(c, id);
                }
            }
        }
        return Optional.empty();
    }

    /** @return the waiting token's place: the waiting tokens of its category, and those called before it */
    static Queue.Place place(Connection c, String centre, QueueToken token) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(CASE WHEN " + CALLED_BEFORE
                + " THEN 1 ELSE 0 END), 0)" + WAITING)) {
            int late = token.appointment() == null ? 1 : 0;
            long taken = token.takenAt().toEpochMilli();
            q.setInt(1, late);
            q.setInt(2, late);
            q.setLong(3, taken);
            q.setLong(4, taken);
            q.setLong(5, token.id());
            q.setString(6, centre);
            q.setString(7, token.day().toString());
            q.setString(8, token.category());
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return new Queue.Place(rows.getInt(2), rows.getInt(1));
            }
        }
    }

    /** @return how many tokens of the category wait at the centre on that day */
    static int waiting(Connection c, String centre, LocalDate day, String category) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*)" + WAITING)) {
            q.setString(1, centre);
            q.setString(2, day.toString());
            q.setString(3, category);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
