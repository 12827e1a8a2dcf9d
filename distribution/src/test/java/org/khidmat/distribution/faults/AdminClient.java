package org.khidmat.distribution.faults;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * The centre's first admin talking to the staff API with a cookie session and its CSRF token: uploads, withdrawals,
 * the bundle list and the audit log. Its password is the one the fault suite starts every centre with.
 */
final class AdminClient {
    static final String PASSWORD = "admin-password-for-fault-tests";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Centre centre;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(2)).build();
    private String csrf;

    private AdminClient(Centre centre) {
        this.centre = centre;
    }

    /** Logs in as admin; fails the test when the centre refuses. */
    static AdminClient login(Centre centre) {
        AdminClient a = new AdminClient(centre);
        HttpResponse<String> r = a.send(HttpRequest.newBuilder(a.uri("/api/v1/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}")),
                Duration.ofSeconds(30));
        if (r.statusCode() != 200) {
            throw new AssertionError("admin login answered " + r.statusCode() + ": " + r.body());
        }
        a.csrf = read(r.body()).get("csrf").asText();
        return a;
    }

    /** PUT /api/v1/bundles with the jar as body, waiting at most {@code limit} for the verdict. */
    HttpResponse<String> upload(byte[] jar, Duration limit) {
        return send(HttpRequest.newBuilder(uri("/api/v1/bundles")).header("Content-Type", "application/java-archive")
                .header("X-CSRF-Token", csrf).PUT(HttpRequest.BodyPublishers.ofByteArray(jar)), limit);
    }

    HttpResponse<String> upload(byte[] jar) {
        return upload(jar, Duration.ofSeconds(60));
    }

    /** DELETE /api/v1/bundles/{symbolicName}. */
    HttpResponse<String> withdraw(String symbolicName) {
        return send(HttpRequest.newBuilder(uri("/api/v1/bundles/" + symbolicName)).header("X-CSRF-Token", csrf).DELETE(),
                Duration.ofSeconds(60));
    }

    /** @return GET /api/v1/bundles as JSON */
    JsonNode bundles() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/bundles")).GET(), Duration.ofSeconds(30));
        if (r.statusCode() != 200) {
            throw new AssertionError("GET /api/v1/bundles answered " + r.statusCode() + ": " + r.body());
        }
        return read(r.body());
    }

    /** @return the audit entries of one action, newest first as the API lists them */
    JsonNode audit(String action) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/audit?q=" + action + "&limit=1000")).GET(),
                Duration.ofSeconds(30));
        if (r.statusCode() != 200) {
            throw new AssertionError("GET /api/v1/audit answered " + r.statusCode() + ": " + r.body());
        }
        return read(r.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder b, Duration limit) {
        try {
            return http.send(b.timeout(limit).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(centre.url(path));
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
