package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The plan an engine makes for a statement, as text, for tests that a read goes through an index. */
final class QueryPlans {
    /** Binds a statement's parameters. */
    interface Binder {
        void bind(PreparedStatement q) throws SQLException;
    }

    private QueryPlans() {
    }

    /**
     * SQLite's {@code EXPLAIN QUERY PLAN} details, one a line; PostgreSQL's {@code EXPLAIN} with sequential scans priced
     * out (its planner scans a small table whatever its indexes, so with scans priced out an index must be there).
     */
    static String of(Connection c, Engine engine, String sql, Binder binder) throws SQLException {
        if (engine == Engine.SQLITE) {
            return lines(c, "EXPLAIN QUERY PLAN " + sql, binder, 4);
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
        }
        try {
            return lines(c, "EXPLAIN " + sql, binder, 1);
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("RESET enable_seqscan");
            }
        }
    }

    /** @return whether the plan reads the whole table rather than through an index or a range of its key */
    static boolean scans(Engine engine, String plan, String table) {
        return engine == Engine.SQLITE ? plan.lines().anyMatch(l -> l.trim().equals("SCAN " + table)) : plan.contains("Seq Scan");
    }

    private static String lines(Connection c, String sql, Binder binder, int column) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            binder.bind(q);
            StringBuilder b = new StringBuilder();
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    b.append(rows.getString(column)).append('\n');
                }
            }
            return b.toString();
        }
    }
}
