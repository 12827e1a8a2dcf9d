import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One sequential client for the requests too slow for wrk's counting (figures over a million applications take
 * seconds): it sends a request, waits for the whole answer, and times it; it logs in as the admin for the agency
 * inbox (a session cookie, as the console does).
 */
final class Client {
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    String getText(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The CSRF value of the session this client logged in to, sent with its POSTs; {@code null} before. */
    private String csrf;

    HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in; later requests carry the session cookie. */
    void login(String baseUrl, String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = post(baseUrl + "/api/v1/login", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\"}");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("could not log in as " + username + ": " + r.statusCode() + " " + r.body());
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"csrf\":\"([^\"]+)\"").matcher(r.body());
        csrf = m.find() ? m.group(1) : null;
    }

    /**
     * GETs {@code url} {@code count} times in a row, stopping early once {@code seconds} have passed (but after one
     * request at least); every answer must be 200.
     *
     * @return the latencies in milliseconds, sorted
     */
    List<Double> time(String url, int count, double seconds) throws IOException, InterruptedException {
        List<Double> ms = new ArrayList<>();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        for (int i = 0; i < count && (i == 0 || System.nanoTime() < deadline); i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = get(url);
            ms.add((System.nanoTime() - t0) / 1e6);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + r.statusCode());
            }
        }
        Collections.sort(ms);
        return ms;
    }

    /** A request and the status its answer must have. */
    record Ask(HttpRequest request, int status) {
    }

    /**
     * Sends the asks {@code make} gives for 0, 1, 2... in a row: {@code warm} first, not counted, then up to
     * {@code count} timed ones, stopping early once {@code seconds} have passed (after one timed request at least).
     * Every answer must have its status.
     *
     * @return the latencies in milliseconds, sorted
     */
    List<Double> time(java.util.function.IntFunction<Ask> make, int warm, int count, double seconds)
            throws IOException, InterruptedException {
        int n = 0;
        long warmed = System.nanoTime() + (long) (seconds * 1e9);
        for (int i = 0; i < warm && (i == 0 || System.nanoTime() < warmed); i++) {
            send(make.apply(n++));
        }
        List<Double> ms = new ArrayList<>();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        for (int i = 0; i < count && (i == 0 || System.nanoTime() < deadline); i++) {
            ms.add(send(make.apply(n++)));
        }
        Collections.sort(ms);
        return ms;
    }

    /** The latencies of two kinds of request sent in turn by one client, each sorted, milliseconds. */
    record Paired(List<Double> first, List<Double> second) {
    }

    /**
     * Sends {@code first}'s i-th ask, then {@code second}'s i-th, then the next pair, and so on, by this one client:
     * {@code warm} pairs first, not counted, then up to {@code count} timed pairs, stopping early once {@code seconds}
     * have passed (after one timed pair at least). Alternating request by request, the two see the same client (its
     * JIT, its collector, its connection pool) and the same machine at the same moments: what the second (a bare
     * server serving fixed bytes) takes is this client's own cost, the floor under the first's figures.
     */
    Paired timePaired(java.util.function.IntFunction<Ask> first, java.util.function.IntFunction<Ask> second, int warm,
            int count, double seconds) throws IOException, InterruptedException {
        int n = 0;
        long warmed = System.nanoTime() + (long) (seconds * 1e9);
        for (int i = 0; i < warm && (i == 0 || System.nanoTime() < warmed); i++, n++) {
            send(first.apply(n));
            send(second.apply(n));
        }
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        for (int i = 0; i < count && (i == 0 || System.nanoTime() < deadline); i++, n++) {
            a.add(send(first.apply(n)));
            b.add(send(second.apply(n)));
        }
        Collections.sort(a);
        Collections.sort(b);
        return new Paired(a, b);
    }

    /** @return the milliseconds from sending to the whole answer */
    private double send(Ask ask) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = http.send(ask.request(), HttpResponse.BodyHandlers.ofByteArray());
        double took = (System.nanoTime() - t0) / 1e6;
        if (r.statusCode() != ask.status()) {
            throw new IllegalStateException(ask.request().method() + " " + ask.request().uri() + " answered "
                    + r.statusCode() + ", not " + ask.status() + ": "
                    + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return took;
    }

    static HttpRequest getting(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).GET().build();
    }

    static HttpRequest posting(String url, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static double pct(List<Double> sorted, double p) {
        int i = Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
        return sorted.get(i);
    }
}
