package org.khidmat.distribution.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;
import org.khidmat.distribution.Nodes;

/**
 * Two nodes (two homes, two ports, two processes) over ONE database file, as behind a balancer that does not stick:
 * a citizen's form begun on node a is continued and filed on node b, and node a tracks what b filed. Each page of
 * the form goes to the other node than the page before, as round robin would send it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DraftAcrossNodesIT {
    private static final String SERVICE = "ictpolice.character-certificate";
    private static final String CNIC = "61101-7654321-9";
    private static final Pattern REFERENCE = Pattern.compile("id=\"reference\" dir=\"ltr\">([^<]+)<");
    @TempDir
    static Path temp;
    private Nodes nodes;
    private Centre a;
    private Centre b;

    @BeforeAll
    void start() throws Exception {
        nodes = Nodes.overOneFile(temp, "node-a", "node-b");
        a = nodes.get(0);
        b = nodes.get(1);
        nodes.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void aFormBegunOnOneNodeIsFinishedAndFiledOnTheOther() {
        HttpResponse<String> start = post(a, "/services/" + SERVICE + "/start", null, Map.of());
        assertEquals(303, start.statusCode(), start.body());
        String cookie = start.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("khidmat_draft="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
        assertNotNull(cookie, "node a set the draft cookie: " + start.headers().map());

        HttpResponse<String> page1 = post(b, "/apply/" + SERVICE + "/page/1", cookie,
                Map.of("fullName", "Ayesha Khan", "cnic", CNIC));
        assertEquals(303, page1.statusCode(), "node b knows node a's draft: " + page1.body());
        assertEquals("/apply/" + SERVICE + "/page/2", location(page1));

        HttpResponse<String> page2 = post(a, "/apply/" + SERVICE + "/page/2", cookie,
                Map.of("purpose", "visa", "address", "House 1, Street 2, F-7/3"));
        assertEquals("/apply/" + SERVICE + "/page/3", location(page2), page2.body());
        HttpResponse<String> page3 = post(b, "/apply/" + SERVICE + "/page/3", cookie, Map.of("mobile", "0300 1234567"));
        assertEquals("/apply/" + SERVICE + "/check", location(page3), page3.body());

        HttpResponse<String> check = get(a, "/apply/" + SERVICE + "/check", cookie);
        assertEquals(200, check.statusCode());
        assertTrue(check.body().contains("Ayesha Khan") && check.body().contains("House 1, Street 2, F-7/3"),
                "node a shows the answers given on both nodes: " + check.body());

        HttpResponse<String> filed = post(b, "/apply/" + SERVICE + "/check", cookie, Map.of());
        assertEquals("/apply/" + SERVICE + "/done", location(filed), filed.body());
        HttpResponse<String> done = get(a, "/apply/" + SERVICE + "/done", cookie);
        assertEquals(200, done.statusCode(), done.body());
        Matcher m = REFERENCE.matcher(done.body());
        assertTrue(m.find(), "node a shows the reference node b filed: " + done.body());
        String reference = m.group(1);

        HttpResponse<String> tracked = a.send(HttpRequest.newBuilder(URI.create(a.url("/api/v1/applications/track")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"reference\":\"" + reference + "\",\"cnic\":\"" + CNIC + "\"}")));
        assertEquals(200, tracked.statusCode(), tracked.body());
        assertTrue(tracked.body().contains(reference), tracked.body());
    }

    @Test
    void aFormOutlivesARestartOfTheNodeThatBeganIt() throws Exception {
        HttpResponse<String> start = post(b, "/services/" + SERVICE + "/start", null, Map.of());
        String cookie = start.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("khidmat_draft="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> page1 = post(b, "/apply/" + SERVICE + "/page/1", cookie,
                Map.of("fullName", "Bilal Ahmed", "cnic", CNIC));
        assertEquals("/apply/" + SERVICE + "/page/2", location(page1), page1.body());
        b.stop();
        b.start();
        HttpResponse<String> page2 = get(b, "/apply/" + SERVICE + "/page/2", cookie);
        assertEquals(200, page2.statusCode(), "the draft outlived the restart: " + location(page2));
        HttpResponse<String> back = get(b, "/apply/" + SERVICE + "/page/1", cookie);
        assertTrue(back.body().contains("Bilal Ahmed"), "page 1's answers are still there: " + back.body());
    }

    private static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElse("(none: "
                + r.statusCode() + ")");
    }

    private static HttpResponse<String> get(Centre node, String path, String cookie) {
        return node.send(HttpRequest.newBuilder(URI.create(node.url(path))).header("Cookie", cookie).GET());
    }

    private static HttpResponse<String> post(Centre node, String path, String cookie, Map<String, String> form) {
        String body = new LinkedHashMap<>(form).entrySet().stream().map(e -> URLEncoder.encode(e.getKey(),
                StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(node.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        return node.send(r);
    }
}
