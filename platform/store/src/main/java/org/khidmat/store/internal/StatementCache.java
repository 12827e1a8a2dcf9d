package org.khidmat.store.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConnection;

/**
 * The write connection's prepared statements, kept: {@code prepareStatement(sql)} hands out the statement prepared
 * for that text before ({@link KeptStatement}), and {@code close()} on it only clears its parameters and gives it
 * back. Preparing is SQLite's compiling of the statement with the triggers it fires (an application's insert compiles
 * the figures' triggers); the issue 16 profile found preparing and finalizing a fifth of the writer's time. Callers
 * keep writing plain try-with-resources JDBC.
 *
 * <p>A statement is lent to one user at a time: asking for a text whose statement is out (a nested use of the same
 * SQL) gets a fresh statement, closed for real. Only the writer thread uses the connection, so the cache needs no
 * lock. The cache holds at most {@link #MOST} texts (a statement built from varying text is not kept); closing the
 * connection closes them all.
 */
final class StatementCache {
    private static final Logger LOG = LoggerFactory.getLogger(StatementCache.class);
    /** The most texts kept; the writer's statements are a few dozen. */
    static final int MOST = 256;

    private final Connection real;
    private final SQLiteConnection sqlite;
    private final Map<String, KeptStatement> kept = new HashMap<>();

    private StatementCache(Connection real) throws SQLException {
        this.real = real;
        this.sqlite = real.unwrap(SQLiteConnection.class);
    }

    /** @return the connection, keeping its prepared statements as the class comment says */
    static Connection wrap(Connection real) throws SQLException {
        StatementCache cache = new StatementCache(real);
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(), new Class<?>[] {Connection.class},
                cache::invoke);
    }

    private Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("prepareStatement") && args.length == 1) {
            return prepare((String) args[0]);
        }
        if (name.equals("close") && method.getParameterCount() == 0) {
            closeKept();
        }
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        KeptStatement k = kept.get(sql);
        if (k == null) {
            if (kept.size() >= MOST) {
                return real.prepareStatement(sql);
            }
            k = new KeptStatement(sqlite, sql);
            kept.put(sql, k);
        }
        return k.lend() ? k : real.prepareStatement(sql);
    }

    private void closeKept() {
        for (KeptStatement k : List.copyOf(kept.values())) {
            try {
                k.discard();
            } catch (SQLException e) {
                LOG.debug("Closing a kept statement failed: {}", e.toString());
            }
        }
        kept.clear();
    }
}
