package org.khidmat.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.khidmat.api.platform.StoreException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * How a {@link PostgresDatabase} connects: its HikariCP pool of READ COMMITTED connections without autocommit, and
 * the plain data source its listening connection comes from (outside the pool). No password reaches a log line or a
 * message: the URL is described without its parameters, and a constraint's error leaves out the failing row.
 */
final class PostgresPool {
    private PostgresPool() {
    }

    /**
     * @param name the URL as described ({@link #describe})
     * @throws StoreException when it cannot connect
     */
    static HikariDataSource open(String url, String user, String password, int poolSize, String name) {
        PGSimpleDataSource source = source(url, user, password);
        source.setApplicationName("khidmat");
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setPoolName("khidmat-store");
        config.setMaximumPoolSize(Math.max(2, poolSize));
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(10_000);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("could not connect to PostgreSQL at " + name + " (" + rootMessage(e) + "); check"
                    + " url, user and passwordFile of org.khidmat.store, and that the server is up", e);
        }
    }

    static PGSimpleDataSource source(String url, String user, String password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        if (user != null && !user.isBlank()) {
            source.setUser(user.strip());
        }
        if (password != null) {
            source.setPassword(password);
        }
        // a constraint's error carries the failing row ("Detail: Failing row contains (..., CNIC, ...)"): keep it out
        // of the exception's message, so no CNIC reaches a log line or an answer
        source.setLogServerErrorDetail(false);
        return source;
    }

    /** @return the URL without its parameters (which may hold a password) */
    static String describe(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
