package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link PostgresGroupWriter}'s group of writes of one kind ({@link GroupedWork}) run together. */
final class GroupTogether {
    private static final Logger LOG = LoggerFactory.getLogger(GroupTogether.class);

    private GroupTogether() {
    }

    /** @return what runs all these writes together, when they are all of one kind ({@link GroupedWork}); else null */
    static GroupedWork.Together of(List<PendingWrite<?>> writes) {
        GroupedWork.Together together = null;
        for (PendingWrite<?> p : writes) {
            if (!(p.work instanceof GroupedWork<?> g) || together != null && g.together() != together) {
                return null;
            }
            together = g.together();
        }
        return together;
    }

    /**
     * Runs the writes together, a statement per table ({@link GroupedWork}), in the connection's transaction.
     *
     * @return {@code true} when they ran, the transaction open; {@code false} when the database refused one of them,
     *     the transaction rolled back, for the caller to run them one at a time
     */
    static boolean run(Connection c, GroupedWork.Together together, List<PendingWrite<?>> writes,
            ThreadLocal<PostgresDatabase.Transaction> current) throws SQLException {
        List<GroupedWork<?>> works = new ArrayList<>(writes.size());
        long now = System.nanoTime();
        for (PendingWrite<?> p : writes) {
            works.add((GroupedWork<?>) p.work);
            p.afterCommit.clear();
            p.began = p.began == 0 ? now : p.began;
        }
        current.set(new PostgresDatabase.Transaction(c, writes.get(0).afterCommit, new Object()));
        try {
            List<Object> results = together.run(c, works);
            for (int i = 0; i < writes.size(); i++) {
                writes.get(i).resultIs(results.get(i));
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            if (PostgresDatabase.retriable(e)) {
                throw e;
            }
            c.rollback(); // a cut connection throws here, and the whole group fails
            writes.forEach(w -> w.afterCommit.clear());
            LOG.debug("A group of {} writes was refused together ({}); running them one at a time", writes.size(),
                    e.toString());
            return false;
        } finally {
            current.remove();
        }
    }
}
