import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the centre's connections to one PostgreSQL database are doing while a load runs, sampled every 10 ms from
 * {@code pg_stat_activity}: each connection inside a statement or a transaction counts once a sample, by its state and
 * wait event ({@code Lock:advisory} waits for another's advisory lock, {@code IO:WALSync} for the disk at commit,
 * {@code Client:ClientRead} in a transaction waits for its node to send the next statement, {@code CPU} runs). The
 * shares say where a filing's time in the database goes, and whether the nodes queue for one lock.
 */
final class Waits implements AutoCloseable {
    /** A wait for a lock also names the statement that waits (its first words), to tell which lock it is. */
    private static final String SAMPLE = "SELECT CASE WHEN state = 'active' AND wait_event_type = 'Lock' THEN 'Lock:'"
            + " || wait_event || ' in ' || substring(regexp_replace(query, '\\s+', ' ', 'g') from 1 for 24) || '...'"
            + " WHEN state = 'active' THEN COALESCE(wait_event_type || ':' || wait_event, 'CPU')"
            + " ELSE state || ' ' || COALESCE(wait_event_type || ':' || wait_event, '') END,"
            + " COUNT(*) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()"
            + " AND state IN ('active', 'idle in transaction') GROUP BY 1";

    private final Map<String, Long> counts = new TreeMap<>();
    private final Thread sampler;
    private volatile boolean stop;
    private long samples;

    Waits(EmbeddedPg pg, String database) {
        sampler = new Thread(() -> {
            try (Connection c = pg.connect("postgres"); PreparedStatement s = c.prepareStatement(SAMPLE)) {
                s.setString(1, database);
                while (!stop) {
                    try (ResultSet r = s.executeQuery()) {
                        synchronized (counts) {
                            samples++;
                            while (r.next()) {
                                counts.merge(r.getString(1), r.getLong(2), Long::sum);
                            }
                        }
                    }
                    Thread.sleep(10);
                }
            } catch (SQLException e) {
                System.err.println("sampling pg_stat_activity failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "waits-" + database);
        sampler.setDaemon(true);
        sampler.start();
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        sampler.join(5_000);
    }

    /**
     * @return the busiest states, each with its share of all connection-samples and the mean number of connections
     *         in it, e.g. {@code Lock:advisory 61% (19.4)}
     */
    String summary(int top) {
        synchronized (counts) {
            long all = counts.values().stream().mapToLong(Long::longValue).sum();
            if (all == 0 || samples == 0) {
                return "no connection busy in any sample";
            }
            Map<String, Long> sorted = new LinkedHashMap<>();
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return sorted.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.0f%% (%.1f)", e.getKey(),
                    100.0 * e.getValue() / all, (double) e.getValue() / samples)).collect(Collectors.joining(", "))
                    + String.format(Locale.ROOT, "; %.1f connections busy on average", (double) all / samples);
        }
    }
}
