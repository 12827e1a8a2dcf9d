package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A write that a PostgreSQL group ({@link PostgresGroupWriter}) runs together with the others of its kind waiting, a
 * statement per table for all of them, instead of its own statements one round trip after another. Alone (SQLite's
 * writer, or a group run write by write after one of them was refused) it runs as an ordinary {@link Database.Work}.
 */
interface GroupedWork<T> extends Database.Work<T> {
    /** @return what runs works of this kind together: the works of a group that return the same one are run by it */
    Together together();

    /** Runs works of one kind, together, in the transaction open on a connection. */
    interface Together {
        /**
         * @return each work's result, in the works' order, the transaction still open
         * @throws SQLException when the database refuses one of them: the caller rolls back and runs them one at a
         *     time, so that the one refused fails alone
         */
        List<Object> run(Connection c, List<GroupedWork<?>> works) throws SQLException;
    }
}
