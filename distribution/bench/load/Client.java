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

    String getText(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in; later requests carry the session cookie. */
    void login(String baseUrl, String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = post(baseUrl + "/api/v1/login", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\"}");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("could not log in as " + username + ": " + r.statusCode() + " " + r.body());
        }
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

    static double pct(List<Double> sorted, double p) {
        int i = Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
        return sorted.get(i);
    }
}
