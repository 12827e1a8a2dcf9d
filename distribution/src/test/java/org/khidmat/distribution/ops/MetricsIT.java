package org.khidmat.distribution.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;
import org.khidmat.distribution.TestBundles;

/**
 * {@code /metrics} of the real distribution: not public, Prometheus text, counters that move when applications are
 * filed and bundles deployed, and every metric that the shipped dashboard and alert rules use present.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsIT {
    static final String POLICE = "ictpolice.character-certificate";
    static final String CNIC = "6110112345671";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern METRIC = Pattern.compile("\\b((?:khidmat|jvm|process)_[a-z0-9_]+)\\b");
    @TempDir
    static Path home;
    private Centre centre;

    @BeforeAll
    void start() throws Exception {
        centre = Centre.install(home.resolve("centre")).env("KHIDMAT_ADMIN_PASSWORD", "admin-password-for-tests").start();
    }

    @AfterAll
    void stop() throws Exception {
        centre.stop();
    }

    private HttpResponse<String> post(String path, String json, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(centre.url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return centre.send(b);
    }

    private String file(String name) {
        HttpResponse<String> r = post("/api/v1/applications", """
                {"serviceId":"%s","answers":{"fullName":"%s","cnic":"%s","purpose":"visa",
                 "address":"House 1, Street 2, F-7/3","mobile":"0300 1234567"}}""".formatted(POLICE, name, CNIC));
        assertEquals(201, r.statusCode(), r.body());
        return r.body().replaceAll(".*\"reference\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private Scrape scrape() {
        try {
            return Scrape.of(centre);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Order(1)
    void metricsAreNotPublicAndAWrongTokenReadsLikeNone() throws Exception {
        String token = Scrape.token(centre);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Scrape.conf(centre).resolve("metrics.token"))));
        HttpResponse<String> none = Scrape.get(centre, null);
        HttpResponse<String> wrong = Scrape.get(centre, "Bearer " + token.substring(0, token.length() - 1) + "x");
        assertEquals(401, none.statusCode());
        assertEquals(401, wrong.statusCode());
        assertEquals(none.body(), wrong.body());
        assertEquals(401, Scrape.get(centre, "Bearer ").statusCode());
        HttpResponse<String> ok = Scrape.get(centre, "Bearer " + token);
        assertEquals(200, ok.statusCode());
        assertTrue(ok.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
    }

    @Test
    @Order(2)
    void theScrapeParsesAndCountersMoveWhenApplicationsAreFiledAndBundlesDeployed() throws Exception {
        Scrape before = Scrape.of(centre);
        String filed = "khidmat_applications_filed_total{service=\"" + POLICE + "\"}";
        String http201 = "khidmat_http_requests_total{method=\"POST\",route=\"/api/v1/applications\",status=\"201\"}";
        String deployed = "khidmat_deploys_total{action=\"deploy\",outcome=\"done\"}";
        file("Ayesha Khan");
        file("Bilal Ahmed");
        TestBundles.bundle("org.example.metrics", "1.0.0").descriptor("svc", TestBundles.descriptor("mtr.svc", "mtr", "Metered"))
                .writeTo(centre.deploy().resolve("metered.tmp"));
        Files.move(centre.deploy().resolve("metered.tmp"), centre.deploy().resolve("metered.jar"));
        assertTrue(Centre.await(Duration.ofSeconds(20), () -> centre.get("/api/v1/services/mtr.svc").statusCode() == 200));
        // a request is counted when its answer's callback completes, which may be just after the client read it
        Centre.await(Duration.ofSeconds(5), () -> scrape().value(http201) >= before.value(http201) + 2);
        Scrape after = Scrape.of(centre);
        assertEquals(before.value(filed) + 2, after.value(filed), filed);
        assertEquals(before.value(http201) + 2, after.value(http201), http201);
        assertEquals(before.value(deployed) + 1, after.value(deployed), deployed);
        assertTrue(after.value("khidmat_deploy_duration_seconds_count{action=\"deploy\"}") >= 1);
        assertEquals(1.0, after.value("khidmat_ready"));
        assertTrue(after.value("khidmat_store_seconds_count{kind=\"write\"}") > before.value("khidmat_store_seconds_count{kind=\"write\"}"));
        assertTrue(after.value("jvm_memory_used_bytes{area=\"heap\"}") > 0, "JVM figures");
        assertTrue(after.samples.keySet().stream().noneMatch(k -> k.contains(CNIC) || k.contains("Ayesha")),
                "no personal data in a label");
    }

    @Test
    @Order(3)
    void everyMetricTheDashboardAndTheAlertRulesUseIsOnARunningCentre() throws Exception {
        // exercise what the labelled series need: a refusal, a payment, a token called to a counter, a move
        String ref = file("Sana Malik");
        assertEquals(422, post("/api/v1/applications", "{\"serviceId\":\"" + POLICE + "\",\"answers\":{}}").statusCode());
        centre.pay(ref, CNIC);
        assertEquals(201, post("/api/v1/queue/tokens", "{\"service\":\"" + POLICE + "\"}").statusCode());
        HttpResponse<String> login = post("/api/v1/login", "{\"username\":\"admin\",\"password\":\"admin-password-for-tests\"}");
        assertEquals(200, login.statusCode(), login.body());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("khidmat_session="))
                .findFirst().orElseThrow().split(";")[0];
        String csrf = JSON.readTree(login.body()).get("csrf").asText();
        assertEquals(200, post("/api/v1/counters/1/next", "{}", "Cookie", cookie, "X-CSRF-Token", csrf).statusCode());
        HttpResponse<String> moved = post("/api/v1/applications/" + ref + "/moves", "{\"to\":\"verification\"}", "Cookie",
                cookie, "X-CSRF-Token", csrf);
        assertEquals(200, moved.statusCode(), moved.body());
        HttpResponse<String> asAdmin = centre.send(HttpRequest.newBuilder(URI.create(centre.url("/metrics"))).header("Cookie", cookie));
        assertEquals(200, asAdmin.statusCode(), "a centre admin reads /metrics with a session");

        Path monitoring = centre.home().resolve("conf").resolve("monitoring");
        List<String> expressions = new ArrayList<>();
        JsonNode dashboard = JSON.readTree(Files.readString(monitoring.resolve("khidmat-dashboard.json")));
        assertTrue(dashboard.get("panels").size() >= 10);
        dashboard.get("panels").forEach(p -> p.get("targets").forEach(t -> expressions.add(t.get("expr").asText())));
        List<String> alerts = AlertRules.read(monitoring.resolve("khidmat-alerts.yml"), expressions);
        assertTrue(alerts.size() >= 12, "alert rules: " + alerts);
        assertTrue(alerts.containsAll(List.of("KhidmatAuditChainBroken", "KhidmatBundleAwaitingApproval")), alerts.toString());
        TreeSet<String> used = new TreeSet<>();
        for (String e : expressions) {
            Matcher m = METRIC.matcher(e);
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        assertTrue(used.size() >= 20, used.toString());
        Scrape now = Scrape.of(centre);
        TreeSet<String> missing = new TreeSet<>(used);
        missing.removeIf(now.names::contains);
        assertTrue(missing.isEmpty(), "used by conf/monitoring but not on /metrics: " + missing + "\nshown: " + new TreeSet<>(now.names));
        assertFalse(now.value("khidmat_queue_wait_seconds_count{centre=\"default\"}") < 1);
    }
}
