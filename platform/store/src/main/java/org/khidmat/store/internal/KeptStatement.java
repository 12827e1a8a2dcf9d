package org.khidmat.store.internal;

import java.sql.SQLException;
import org.sqlite.SQLiteConnection;
import org.sqlite.jdbc4.JDBC4PreparedStatement;

/**
 * A statement of the write connection's {@link StatementCache}: lent to one caller at a time; the caller's
 * {@code close()} clears its parameters and gives it back, prepared, for the next use of the same text. A subclass of
 * the driver's statement rather than a proxy: calls reach SQLite without reflection.
 */
final class KeptStatement extends JDBC4PreparedStatement {
    private boolean out;

    KeptStatement(SQLiteConnection connection, String sql) throws SQLException {
        super(connection, sql);
    }

    /** @return whether it was free, and is now lent */
    boolean lend() {
        if (out) {
            return false;
        }
        out = true;
        return true;
    }

    /** Gives it back: the caller is done with it (try-with-resources). */
    @Override
    public void close() throws SQLException {
        if (out) {
            out = false;
            clearParameters();
        }
    }

    /** Closes it for good, when the connection closes. */
    void discard() throws SQLException {
        out = false;
        super.close();
    }
}
