package org.khidmat.distribution.nodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.khidmat.distribution.Centre;

/**
 * A staff member's browser going through the HTML console, with its cookies kept by hand so that the test says which
 * node each request goes to, as a balancer that does not stick sends them: the login form, the session cookie, and
 * the CSRF token of a page's forms.
 */
final class ConsoleVisit {
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"(form|csrf)\" value=\"([^\"]+)\">");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Logs in through {@code GET} and {@code POST /login} on {@code node}; fails unless it opens a session. */
    static ConsoleVisit login(Centre node, String username, String password) {
        ConsoleVisit v = new ConsoleVisit();
        HttpResponse<String> page = v.get(node, "/login");
        if (page.statusCode() != 200) {
            throw new AssertionError("GET /login answered " + page.statusCode());
        }
        HttpResponse<String> in = v.post(node, "/login", Map.of("form", hidden(page.body(), "form"), "username", username,
                "password", password));
        if (in.statusCode() != 303 || v.session() == null) {
            throw new AssertionError("the console login answered " + in.statusCode() + " with cookies " + v.cookies.keySet());
        }
        return v;
    }

    /** A browser that still holds a session cookie, whatever happened to the session since. */
    static ConsoleVisit holding(String session) {
        ConsoleVisit v = new ConsoleVisit();
        v.cookies.put("khidmat_session", session);
        return v;
    }

    /** @return the value of the hidden input {@code name} ("csrf", "form") of a page's first form */
    static String hidden(String page, String name) {
        Matcher m = HIDDEN.matcher(page);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new AssertionError("no hidden '" + name + "' input in the page");
    }

    String session() {
        return cookies.get("khidmat_session");
    }

    HttpResponse<String> get(Centre node, String path) {
        return send(node, HttpRequest.newBuilder(URI.create(node.url(path))).GET());
    }

    HttpResponse<String> post(Centre node, String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(node, HttpRequest.newBuilder(URI.create(node.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(Centre node, HttpRequest.Builder b) {
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            for (String set : r.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty() || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("a request to " + node.url("") + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
