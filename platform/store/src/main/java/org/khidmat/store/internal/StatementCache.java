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

/**
 * The write connection's prepared statements, kept: {@code prepareStatement(sql)} hands out the statement prepared
 * for that text before, and {@code close()} on it only clears its parameters and gives it back. Preparing is
 * SQLite's compiling of the statement with the triggers it fires (an application's insert compiles the figures'
 * triggers); the issue 16 profile found preparing and finalizing a fifth of the writer's time. Callers keep writing
 * plain try-with-resources JDBC.
 *
 * <p>A statement is handed to one user at a time: asking for a text whose statement is out (a nested use of the
 * same SQL) gets a fresh statement, closed for real. Only the writer thread uses the connection, so the cache needs
 * no lock. The cache holds at most {@link #MOST} texts (a statement built from varying text would be dropped, not
 * kept); closing the connection closes them all.
 */
final class StatementCache {
    private static final Logger LOG = LoggerFactory.getLogger(StatementCache.class);
    /** The most texts kept; the writer's statements are a few dozen. */
    static final int MOST = 256;

    /** One kept statement, and whether a caller has it now. */
    private static final class Kept {
        final PreparedStatement real;
        final PreparedStatement lent;
        boolean out;

        Kept(PreparedStatement real) {
            this.real = real;
            this.lent = (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && method.getParameterCount() == 0) {
                            giveBack();
                            return null;
                        }
                        if (method.getName().equals("isClosed") && method.getParameterCount() == 0) {
                            return !out;
                        }
                        return call(this.real, method, args);
                    });
        }

        void giveBack() throws SQLException {
            if (out) {
                out = false;
                real.clearParameters();
            }
        }
    }

    private final Connection real;
    private final Map<String, Kept> kept = new HashMap<>();

    private StatementCache(Connection real) {
        this.real = real;
    }

    /** @return the connection, keeping its prepared statements as the class comment says */
    static Connection wrap(Connection real) {
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
        return call(real, method, args);
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        Kept k = kept.get(sql);
        if (k == null) {
            if (kept.size() >= MOST) {
                return real.prepareStatement(sql);
            }
            k = new Kept(real.prepareStatement(sql));
            kept.put(sql, k);
        } else if (k.out) {
            return real.prepareStatement(sql);
        }
        k.out = true;
        return k.lent;
    }

    private void closeKept() {
        for (Kept k : List.copyOf(kept.values())) {
            try {
                k.real.close();
            } catch (SQLException e) {
                LOG.debug("Closing a kept statement failed: {}", e.toString());
            }
        }
        kept.clear();
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
