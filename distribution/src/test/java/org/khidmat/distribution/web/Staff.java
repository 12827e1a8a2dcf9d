package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.khidmat.distribution.Centre;

/**
 * A staff member talking to the centre's API: a cookie session (with its CSRF token sent as X-CSRF-Token on
 * every change) or a Bearer token. The first admin's password comes from KHIDMAT_ADMIN_PASSWORD.
 */
final class Staff {
    static final String ADMIN_PASSWORD = "admin-password-for-tests";
    static final ObjectMapper JSON = new ObjectMapper();

    final Centre centre;
    final CookieManager cookies = new CookieManager();
    final HttpClient http;
    final String bearer;
    String csrf;

    private Staff(Centre centre, String bearer) {
        this.centre = centre;
        this.bearer = bearer;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** A client with no credentials at all. */
    static Staff anonymous(Centre centre) {
        return new Staff(centre, null);
    }

    static Staff token(Centre centre, String token) {
        return new Staff(centre, token);
    }

    static Staff admin(Centre centre) {
        return login(centre, "admin", ADMIN_PASSWORD);
    }

    static Staff login(Centre centre, String username, String password) {
        Staff s = new Staff(centre, null);
        HttpResponse<String> r = s.login(username, password);
        assertEquals(200, r.statusCode(), r.body());
        return s;
    }

    HttpResponse<String> login(String username, String password) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")),
                false);
        if (r.statusCode() == 200) {
            csrf = read(r).get("csrf").asText();
        }
        return r;
    }

    /** @return the session cookie's value, or null */
    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("khidmat_session"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Creates an account; an agency account may be for an agency with no bundle yet (its first account). */
    Staff createAccount(String username, String password, String role, String agency) {
        HttpResponse<String> r = post("/api/v1/accounts", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"role\":\"" + role + "\"" + (agency == null ? "" : ",\"agency\":\"" + agency + "\",\"newAgency\":true") + "}");
        assertEquals(201, r.statusCode(), r.body());
        return login(centre, username, password);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), true);
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), true);
    }

    HttpResponse<String> postWithoutCsrf(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), false);
    }

    HttpResponse<String> put(String path, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/java-archive")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)), true);
    }

    /**
     * Sends only the head of a request that declares a body of {@code length} bytes, and reads the answer until the
     * server closes: a body refused by its declared size must be answered without being read. (The JDK client
     * cannot show this: it writes the whole body first, and its Expect: 100-continue hangs on Java 17.)
     */
    String declaring(String method, String path, String contentType, long length) throws IOException {
        java.net.URI uri = uri(path);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Content-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n"
                    + (sessionId() == null ? "" : "Cookie: khidmat_session=" + sessionId() + "\r\n")
                    + (csrf == null ? "" : "X-CSRF-Token: " + csrf + "\r\n")
                    + (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n")
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), true);
    }

    HttpResponse<String> send(HttpRequest.Builder b, boolean withCsrf) {
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (withCsrf && csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        try {
            return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create(centre.url(path));
    }

    static JsonNode read(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
