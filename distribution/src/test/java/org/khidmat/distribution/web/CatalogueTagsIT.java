package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;
import org.khidmat.distribution.TestBundles;

/**
 * The built centre's catalogue answers carry an ETag that a client can send back for a 304, and a deploy or a
 * withdrawal through deploy/ changes the tag, so no client keeps a list that is out of date.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueTagsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

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

    private HttpResponse<String> get(String path, String ifNoneMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(centre.url(path)));
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return centre.send(b);
    }

    private String tag(String path) {
        HttpResponse<String> r = get(path, null);
        assertEquals(200, r.statusCode(), path);
        return r.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(path + " has no ETag"));
    }

    @Test
    void aTagRoundTripIs304AndADeployChangesTheTag() throws Exception {
        String list = tag("/api/v1/services");
        String page = tag("/");
        HttpResponse<String> notModified = get("/api/v1/services", list);
        assertEquals(304, notModified.statusCode());
        assertEquals("", notModified.body());
        assertEquals(304, get("/", page).statusCode());

        Path jar = TestBundles.bundle("org.acme.tags", "1.0.0")
                .descriptor("tag", TestBundles.descriptor("tag.svc", "tag", "Tagged service"))
                .writeTo(temp.resolve("tags.jar"));
        Files.move(jar, centre.deploy().resolve("tags.jar"), StandardCopyOption.ATOMIC_MOVE);
        assertTrue(Centre.await(WAIT, () -> get("/api/v1/services", list).statusCode() == 200), "a deploy changes the tag");
        HttpResponse<String> after = get("/api/v1/services", list);
        assertTrue(after.body().contains("tag.svc"), after.body());
        String deployed = after.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(list, deployed);
        assertEquals(200, get("/", page).statusCode(), "the page's tag changes too");
        assertTrue(get("/", null).body().contains("Tagged service"));

        Files.delete(centre.deploy().resolve("tags.jar"));
        assertTrue(Centre.await(WAIT, () -> get("/api/v1/services", deployed).statusCode() == 200), "a withdrawal changes the tag");
        assertEquals(list, tag("/api/v1/services"), "the same list, the same bytes, the same tag");
    }
}
