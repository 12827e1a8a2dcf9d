import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One configuration of the engines benchmark: one or more copies of the distribution over one database, each started
 * with {@code bin/khidmat} on a loopback port of its own, as the nodes of one install. On SQLite the nodes share one
 * database file (and the audit key beside it); on PostgreSQL they share one database, and the first node's
 * {@code data/audit.key} is copied to the others before they start, as {@code docs/scale-out.md} tells an operator.
 */
final class Cluster implements AutoCloseable {
    final String name;
    /** The PostgreSQL database's name, or {@code null} on SQLite. */
    final String pgDatabase;
    final List<Home> nodes = new ArrayList<>();

    private Cluster(String name, String pgDatabase) {
        this.name = name;
        this.pgDatabase = pgDatabase;
    }

    /** {@code count} nodes over one SQLite file, kept in a folder of the first node's home. */
    static Cluster sqlite(String name, Path dist, int count) throws IOException {
        Cluster c = new Cluster(name, null);
        try {
            for (int i = 1; i <= count; i++) {
                Home home = Home.copy(dist, "sqlite" + count + "-" + i).env("KHIDMAT_NODE", "node-" + i);
                c.nodes.add(home);
                if (count > 1) {
                    Path shared = c.nodes.get(0).dir.resolve("shared");
                    Files.createDirectories(shared);
                    Files.writeString(home.dir.resolve("conf/org.khidmat.store.cfg.json"),
                            "{ \"database\": \"" + shared.resolve("khidmat.db") + "\" }\n");
                }
                if (i > 1) {
                    home.env("KHIDMAT_WATCH_DEPLOY_FOLDER", "false");
                }
            }
        } catch (IOException | RuntimeException e) {
            c.closeQuietly();
            throw e;
        }
        return c;
    }

    /** {@code count} nodes over one new database of {@code pg}. */
    static Cluster postgres(String name, Path dist, int count, EmbeddedPg pg, String database) throws Exception {
        Cluster c = new Cluster(name, database);
        try {
            String url = pg.create(database);
            for (int i = 1; i <= count; i++) {
                Home home = Home.copy(dist, database + "-" + i).env("KHIDMAT_NODE", "node-" + i)
                        .env("KHIDMAT_DB_URL", url).env("KHIDMAT_DB_USER", "postgres");
                if (i > 1) {
                    home.env("KHIDMAT_WATCH_DEPLOY_FOLDER", "false");
                }
                c.nodes.add(home);
            }
        } catch (Exception e) {
            c.closeQuietly();
            throw e;
        }
        return c;
    }

    /** Starts the first node, gives the others its audit key, then starts them. */
    void start() throws IOException, InterruptedException {
        nodes.get(0).start();
        Path key = nodes.get(0).dir.resolve("data/audit.key");
        for (Home node : nodes.subList(1, nodes.size())) {
            if (pgDatabase != null) {
                Files.createDirectories(node.dir.resolve("data"));
                Files.copy(key, node.dir.resolve("data/audit.key"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
            node.start();
        }
    }

    List<String> urls() {
        return nodes.stream().map(h -> h.url("")).toList();
    }

    /** @return the processor time all its nodes' JVMs used so far, in seconds */
    double cpuSeconds() throws IOException {
        double s = 0;
        for (Home node : nodes) {
            s += node.cpuSeconds();
        }
        return s;
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (int i = nodes.size() - 1; i >= 0; i--) {
            try {
                nodes.get(i).close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Stops every node now, without deleting anything: for the shutdown hook of an interrupted run. */
    void kill() {
        for (Home node : nodes) {
            long pid = node.pid();
            if (pid > 0) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            }
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (Exception e) {
            System.err.println("could not clean up " + name + ": " + e.getMessage());
        }
    }
}
