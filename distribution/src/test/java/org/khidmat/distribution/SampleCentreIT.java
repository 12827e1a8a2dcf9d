package org.khidmat.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample centre out of the box: every plugin under plugins/ is in the distribution's deploy/, is deployed
 * when the centre starts, and serves exactly the services its sources declare.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleCentreIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The floor: a centre of the Islamabad shape (12 institutions), at least 40 services. */
    private static final int AT_LEAST_AGENCIES = 12;
    private static final int AT_LEAST_SERVICES = 40;

    @TempDir
    static Path temp;
    private Centre centre;

    @BeforeAll
    void start() throws Exception {
        centre = Centre.install(temp.resolve("centre")).start();
    }

    @AfterAll
    void stop() throws Exception {
        if (centre != null) {
            centre.stop();
        }
    }

    @Test
    void everyPluginIsShippedInDeployAndNoneIsRefused() throws Exception {
        List<String> jars;
        try (Stream<Path> files = Files.list(centre.deploy())) {
            jars = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        for (Path plugin : SamplePlugins.plugins()) {
            String prefix = "org.khidmat.plugins." + plugin.getFileName() + "-";
            assertTrue(jars.stream().anyMatch(j -> j.startsWith(prefix) && j.endsWith(".jar")),
                    plugin.getFileName() + " is not in deploy/ (add it to distribution/pom.xml: a dependency and deploy.ids): " + jars);
        }
        assertTrue(jars.stream().noneMatch(j -> j.endsWith(".failed")), "refused at start: " + jars);
    }

    @Test
    void everyServiceOfEveryPluginIsListedWithTheCountsInTheReadyLine() throws Exception {
        List<String> expected = SamplePlugins.serviceIds();
        int agencies = SamplePlugins.agencies();
        assertTrue(agencies >= AT_LEAST_AGENCIES, "agencies: " + agencies);
        assertTrue(expected.size() >= AT_LEAST_SERVICES, "services: " + expected.size());
        assertTrue(centre.readyLine().contains("serving " + expected.size() + " services from " + agencies + " agencies"),
                centre.readyLine());

        JsonNode services = JSON.readTree(centre.get("/api/v1/services").body());
        List<String> listed = new ArrayList<>();
        services.forEach(s -> listed.add(s.get("id").asText()));
        assertEquals(expected, listed);
        assertEquals(agencies, listed.stream().map(id -> id.substring(0, id.indexOf('.'))).distinct().count());
    }

    @Test
    void aSampleRuleRunsInTheRealCentre() throws Exception {
        String learner = """
                {"serviceId":"itp.learner-permit","answers":{"cnic":"6110112345671","fullName":"Asad Khan","fatherName":"Javed Khan",
                 "dateOfBirth":"%s","category":"%s","bloodGroup":"B+","address":"House 4, Street 10, G-9/2, Islamabad",
                 "mobile":"03001234567"}}""";
        String twenty = LocalDate.now().minusYears(20).toString();
        HttpResponse<String> tooYoung = post(learner.formatted(twenty, "htv"));
        assertEquals(422, tooYoung.statusCode(), tooYoung.body());
        assertTrue(tooYoung.body().contains("For a heavy transport vehicle you must be 22 or over"), tooYoung.body());
        HttpResponse<String> car = post(learner.formatted(twenty, "car"));
        assertEquals(2, car.statusCode() / 100, car.body());
    }

    private HttpResponse<String> post(String json) {
        return centre.send(HttpRequest.newBuilder(URI.create(centre.url("/api/v1/applications")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void eachServiceComesFromItsOwnPluginBundleInEnglishAndUrdu() throws Exception {
        Map<String, List<String>> byBundle = new LinkedHashMap<>();
        for (JsonNode s : JSON.readTree(centre.get("/api/v1/services").body())) {
            byBundle.computeIfAbsent(s.get("bundle").get("symbolicName").asText(), k -> new ArrayList<>()).add(s.get("id").asText());
            assertTrue(s.get("enabled").asBoolean(), s.toString());
            assertFalse(s.get("title").get("ur").asText().isBlank(), s.toString());
            assertFalse(s.get("title").get("ur").asText().equals(s.get("title").get("en").asText()), "Urdu title: " + s);
        }
        Map<String, List<String>> expected = new LinkedHashMap<>();
        SamplePlugins.idsByPlugin().forEach((plugin, ids) -> expected.put("org.khidmat.plugins." + plugin,
                ids.stream().sorted().toList()));
        byBundle.replaceAll((bundle, ids) -> ids.stream().sorted().toList());
        assertEquals(new java.util.TreeMap<>(expected), new java.util.TreeMap<>(byBundle));
        for (String id : SamplePlugins.serviceIds()) {
            assertEquals(200, centre.get("/api/v1/services/" + id).statusCode(), id);
        }
    }
}
