package org.khidmat.distribution.nodes;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.khidmat.distribution.Centre;

/** The admin of one node, logged in with a cookie session and its CSRF token. */
final class Staffer {
    static final String PASSWORD = "admin-password-for-node-tests";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Centre centre;
    private final HttpClient http;
    private String csrf;

    private Staffer(Centre centre) {
        this(centre, HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(2)).build(), null);
    }

    private Staffer(Centre centre, HttpClient http, String csrf) {
        this.centre = centre;
        this.http = http;
        this.csrf = csrf;
    }

    /** The same session (its cookie and CSRF token) sent to another node, as a balancer that does not stick does. */
    Staffer on(Centre other) {
        return new Staffer(other, http, csrf);
    }

    static Staffer login(Centre centre) throws IOException {
        Staffer s = new Staffer(centre);
        HttpResponse<String> r = s.send(HttpRequest.newBuilder(URI.create(centre.url("/api/v1/login")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}")));
        if (r.statusCode() != 200) {
            throw new AssertionError("admin login answered " + r.statusCode() + ": " + r.body());
        }
        s.csrf = JSON.readTree(r.body()).get("csrf").asText();
        return s;
    }

    HttpResponse<String> upload(byte[] jar) {
        return send(HttpRequest.newBuilder(URI.create(centre.url("/api/v1/bundles")))
                .header("Content-Type", "application/java-archive").header("X-CSRF-Token", csrf)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(jar)));
    }

    HttpResponse<String> withdraw(String symbolicName) {
        return send(HttpRequest.newBuilder(URI.create(centre.url("/api/v1/bundles/" + symbolicName)))
                .header("X-CSRF-Token", csrf).DELETE());
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(centre.url(path))).header("X-CSRF-Token", csrf)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(centre.url(path))).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
