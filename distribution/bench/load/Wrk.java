import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code wrk} (Debian's package) against one loopback URL for a fixed time. A Lua script makes wrk
 * print one line the benchmark reads: requests, seconds, p50 and p99, and how many answers were not the expected
 * status (for GETs wrk's own count of 4xx and 5xx; for POSTs every status but the expected one) or failed.
 */
final class Wrk {
    /** A run's figures; latencies in milliseconds. */
    record Result(long requests, double seconds, double p50Ms, double p99Ms, long unexpected) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private static final String REPORT = """
            local threads = {}
            function setup(thread) table.insert(threads, thread) end
            function init(args) unexpected = 0; n = math.random(1, 1000000) end
            function done(summary, latency, requests)
              local u = 0
              for _, t in ipairs(threads) do u = u + (t:get("unexpected") or 0) end
              local e = summary.errors
              if not counting then u = u + e.status end
              io.write(string.format("RESULT %d %d %d %d %d\\n", summary.requests, summary.duration,
                latency:percentile(50), latency:percentile(99), u + e.connect + e.read + e.write + e.timeout))
            end
            """;

    private Wrk() {
    }

    /** @return whether {@code wrk} runs here */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Result get(String url, int clients, int seconds) throws IOException, InterruptedException {
        return run(url, clients, seconds, "counting = false\n");
    }

    /**
     * POSTs JSON bodies, taken in turn (each thread from a random start), and counts every answer whose status is
     * not {@code expected}.
     */
    static Result post(String url, List<String> bodies, int expected, int clients, int seconds)
            throws IOException, InterruptedException {
        return post(url, "application/json", bodies, expected, clients, seconds);
    }

    /** POSTs bodies of this content type (a form's, {@code application/x-www-form-urlencoded}), as {@link #post}. */
    static Result post(String url, String contentType, List<String> bodies, int expected, int clients, int seconds)
            throws IOException, InterruptedException {
        StringBuilder lua = new StringBuilder("counting = true\nwrk.method = \"POST\"\n")
                .append("wrk.headers[\"Content-Type\"] = \"").append(contentType).append("\"\n");
        if (bodies.size() == 1) {
            lua.append("wrk.body = [[").append(bodies.get(0)).append("]]\n");
        } else {
            lua.append("bodies = {\n");
            for (String body : bodies) {
                lua.append("[[").append(body).append("]],\n");
            }
            lua.append("}\nfunction request()\n  n = n + 1\n")
                    .append("  return wrk.format(nil, nil, nil, bodies[(n % #bodies) + 1])\nend\n");
        }
        lua.append("function response(status, headers, body)\n  if status ~= ").append(expected)
                .append(" then unexpected = unexpected + 1 end\nend\n");
        return run(url, clients, seconds, lua.toString());
    }

    private static Result run(String url, int clients, int seconds, String lua) throws IOException, InterruptedException {
        if (!url.startsWith("http://127.0.0.1:")) {
            throw new IllegalArgumentException("the benchmark talks to loopback only, not " + url);
        }
        Path script = Files.createTempFile("khidmat-load-", ".lua");
        try {
            Files.writeString(script, lua + REPORT);
            int threads = Math.min(clients, 2);
            Process p = new ProcessBuilder("wrk", "-t", Integer.toString(threads), "-c", Integer.toString(clients),
                    "-d", Math.max(1, seconds) + "s", "--timeout", "30s", "-s", script.toString(), url)
                    .redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            String text = new String(out, StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.startsWith("RESULT ")) {
                    String[] f = line.trim().split(" ");
                    return new Result(Long.parseLong(f[1]), Long.parseLong(f[2]) / 1e6, Long.parseLong(f[3]) / 1e3,
                            Long.parseLong(f[4]) / 1e3, Long.parseLong(f[5]));
                }
            }
            throw new IllegalStateException("wrk printed no result for " + url + ":\n" + text);
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
