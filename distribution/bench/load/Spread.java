import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop load client that spreads its requests round robin over the nodes of one configuration, as a balancer
 * without stickiness does: client {@code t}'s {@code k}-th request goes to node {@code (t + k) % nodes}, so even one
 * client visits every node in turn. Each client sends a POST, waits for the whole answer, times it and sends the next,
 * until the time is up. The same client drives every configuration of the engines benchmark, one node or three, so
 * its own cost is the same in every row. Loopback only.
 */
final class Spread {
    /** A run's figures; latencies in milliseconds. */
    record Result(long requests, double seconds, double p50Ms, double p99Ms, long unexpected,
            Map<String, Long> statuses) {
        double perSecond() {
            return requests / seconds;
        }

        /** @return what the unexpected answers were, by status ("404: 1400, 503: 11, no answer: 2"), or "" */
        String why() {
            return statuses.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(java.util.stream.Collectors.joining(", "));
        }

        /** @return the unexpected answers of several runs and their statuses, summed (the other figures are none) */
        static Result merged(Result... runs) {
            Map<String, Long> statuses = new java.util.TreeMap<>();
            long unexpected = 0;
            for (Result r : runs) {
                unexpected += r.unexpected();
                r.statuses().forEach((k, v) -> statuses.merge(k, v, Long::sum));
            }
            return new Result(0, 1, 0, 0, unexpected, statuses);
        }

        /** @return ", N not {@code expected} (their statuses)" when there were any, else "" */
        String notExpected(int expected) {
            return unexpected == 0 ? "" : ", " + unexpected + " not " + expected + " (" + why() + ")";
        }
    }

    /**
     * One client for every load of the run, so a load reuses the connections the loads before it opened. A client of
     * its own per load left its connections open (nothing closes a Java 17 HttpClient; the centre closes them after
     * 30 s idle), and the centre holds at most 50 connections from one address (ServerSetup.PER_ADDRESS, against slow
     * clients): after a 32-client load and the 8-client loads around it, one node refused the next load's new
     * connections as they opened ("no answer"), which CI saw as 1,411 tracking answers not 200 on SQLite one node
     * (three nodes share the connections out). Now a node sees at most as many connections as the biggest load has
     * clients (32). Idle ones are dropped after 20 s, before the centre's 30 s, so none is reused as the centre closes it.
     */
    private static final HttpClient HTTP;

    static {
        System.setProperty("jdk.httpclient.keepalive.timeout", "20");
        HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");

    private Spread() {
    }

    /**
     * POSTs {@code body.apply(n)} (n counts the client's requests) to {@code path} of every node in turn with
     * {@code clients} clients for {@code seconds}; an answer whose status is not {@code expected}, or a failure,
     * counts as unexpected. {@code answered} gets each expected answer's body.
     */
    static Result post(List<String> baseUrls, String path, IntFunction<String> body, int expected, int clients,
            double seconds, Consumer<String> answered) throws InterruptedException {
        for (String url : baseUrls) {
            if (!url.startsWith("http://127.0.0.1:")) {
                throw new IllegalArgumentException("the benchmark talks to loopback only, not " + url);
            }
        }
        HttpClient http = HTTP;
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        AtomicLong unexpected = new AtomicLong();
        Map<String, Long> statuses = new ConcurrentSkipListMap<>();
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            int client = t;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1024];
                int n = 0;
                for (int k = 0; System.nanoTime() < deadline; k++) {
                    String url = baseUrls.get((client + k) % baseUrls.size()) + path;
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.apply(client * 1_000_000 + k))).build();
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == expected) {
                            answered.accept(r.body());
                        } else {
                            unexpected.incrementAndGet();
                            statuses.merge(String.valueOf(r.statusCode()), 1L, Long::sum);
                        }
                    } catch (java.io.IOException e) {
                        unexpected.incrementAndGet();
                        statuses.merge("no answer", 1L, Long::sum);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - s;
                }
                latencies[client] = mine;
                counts[client] = n;
            }, "spread-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < clients; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Result(total, elapsed, pct(all, 0.50) / 1e6, pct(all, 0.99) / 1e6, unexpected.get(),
                java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(statuses)));
    }

    /** @return the application's reference in a filing's answer, or {@code null} */
    static String reference(String answer) {
        Matcher m = REFERENCE.matcher(answer);
        return m.find() ? m.group(1) : null;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p * sorted.length) - 1))];
    }
}
