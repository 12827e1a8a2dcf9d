package org.khidmat.distribution.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.khidmat.distribution.Centre;
import org.khidmat.distribution.TestBundles;

/**
 * The centre's name and colour ({@code conf/org.khidmat.centre.cfg.json}) on the citizen pages, the hall screen and
 * the staff pages, and its short name as the metrics' centre label: a change of the file shows at the next page,
 * without a restart. And a descriptor's texts in further languages than English and Urdu.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CentreProfileIT {
    private static final String NAME = "Khidmat Markaz F-6 Islamabad";
    @TempDir
    static Path home;
    private Centre centre;

    @BeforeAll
    void start() throws Exception {
        centre = Centre.install(home.resolve("centre")).start();
    }

    @AfterAll
    void stop() throws Exception {
        centre.stop();
    }

    @Test
    void aNewNameAndColourInTheFileShowOnTheNextPage() throws Exception {
        for (String path : new String[] {"/", "/display", "/login"}) {
            String page = centre.get(path).body();
            assertTrue(page.contains("Asan Khidmat Markaz") && !page.contains(NAME), path + ": " + page);
        }
        assertTrue(brandSheet().contains("header{background:#01411c}"));

        Path file = centre.home().resolve("conf").resolve("org.khidmat.centre.cfg.json");
        String before = Files.readString(file);
        Files.writeString(file, before.replace("\"Asan Khidmat Markaz\"", "\"" + NAME + "\"")
                .replace("\"Khidmat\"", "\"F-6 Centre\"").replace("#01411c", "#1d4f91"));
        assertTrue(Centre.await(Duration.ofSeconds(10), () -> centre.get("/").body().contains(NAME)),
                "the citizen front shows the new name without a restart");
        for (String path : new String[] {"/", "/display", "/login", "/track?lang=ur"}) {
            String page = centre.get(path).body();
            // an Urdu page without a configured Urdu name shows the English one marked as English
            String shown = path.endsWith("lang=ur") ? "<span lang=\"en\" dir=\"ltr\">" + NAME + "</span>" : NAME;
            assertTrue(page.contains("id=\"centre-name\">" + shown) && page.contains("/assets/brand.css?c=1d4f91"),
                    path + ": " + page);
        }
        assertTrue(brandSheet().contains("header{background:#1d4f91}"));

        assertEquals(201, centre.send(HttpRequest.newBuilder(URI.create(centre.url("/api/v1/queue/tokens")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"" + MetricsIT.POLICE + "\"}"))).statusCode());
        Scrape scrape = Scrape.of(centre);
        assertEquals(1.0, scrape.samples.get("khidmat_queue_tokens_taken_total{centre=\"default\"}"),
                "the centre's id, not its new short name, is the centre label: " + scrape.samples.keySet());
    }

    /** The brand's style sheet the catalogue page links (its address names the colour, so no browser keeps an old one). */
    private String brandSheet() {
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/assets/brand\\.css\\?c=[0-9a-f]{6}")
                .matcher(centre.get("/").body());
        assertTrue(link.find(), "the page links its brand's style sheet");
        return centre.get(link.group()).body();
    }

    @Test
    void aDescriptorWithASindhiTitleDeploysAndTheApiGivesItBesideEnglishAndUrdu() throws Exception {
        String json = TestBundles.descriptor("snd.permit", "snd", "Permit").replace("\"ur\": \"ٹیسٹ سروس\"}",
                "\"ur\": \"ٹیسٹ سروس\", \"sd\": \"اجازت نامو\", \"pa\": \"اجازت نامہ پنجابی\"}");
        Path jar = TestBundles.bundle("org.example.sindhi", "1.0.0").descriptor("permit", json)
                .writeTo(centre.home().resolve("sindhi.tmp"));
        Files.move(jar, centre.deploy().resolve("sindhi.jar"));
        assertTrue(Centre.await(Duration.ofSeconds(20), () -> centre.get("/api/v1/services/snd.permit").statusCode() == 200),
                "deployed: " + Files.exists(centre.deploy().resolve("sindhi.jar.failed")));
        JsonNode title = new ObjectMapper().readTree(centre.get("/api/v1/services/snd.permit").body()).get("title");
        assertEquals("Permit", title.get("en").asText());
        assertEquals("ٹیسٹ سروس", title.get("ur").asText());
        assertEquals("اجازت نامو", title.get("sd").asText());
        assertEquals("اجازت نامہ پنجابی", title.get("pa").asText());
        assertTrue(title.get("ps") == null, "a language without its text is absent; a client shows English: " + title);

        String unknown = json.replace("\"sd\": ", "\"sindhi\": ");
        TestBundles.bundle("org.example.sindhi2", "1.0.0").descriptor("permit", unknown.replace("snd.permit", "snd.other"))
                .writeTo(centre.home().resolve("bad.tmp"));
        Files.move(centre.home().resolve("bad.tmp"), centre.deploy().resolve("bad.jar"));
        Path failed = centre.deploy().resolve("bad.jar.failed");
        assertTrue(Centre.await(Duration.ofSeconds(20), () -> Files.exists(failed)), "an unknown language code is refused");
        String why = Files.readString(failed);
        assertTrue(why.contains("title.sindhi") && why.contains("ISO 639-1"), why);
    }
}
