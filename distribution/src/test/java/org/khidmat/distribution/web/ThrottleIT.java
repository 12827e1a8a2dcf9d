package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;

/** The rate limit on public forms, on a centre that allows 5 public POSTs a minute per address. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThrottleIT {
    @TempDir
    static Path temp;
    private Centre centre;

    @BeforeAll
    void start() throws Exception {
        centre = Centre.install(temp.resolve("centre")).env("KHIDMAT_ADMIN_PASSWORD", Staff.ADMIN_PASSWORD)
                .env("KHIDMAT_PUBLIC_POSTS_PER_MINUTE", "5").start();
    }

    @AfterAll
    void stop() throws Exception {
        if (centre != null) {
            centre.stop();
        }
    }

    private HttpResponse<String> post(String path, String type, String body) {
        return centre.send(HttpRequest.newBuilder(URI.create(centre.url(path))).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void theSixthPublicPostInAMinuteWaitsAndStaffAreNotHeldBack() throws Exception {
        String apply = ApplicationApiIT.police("61101-1234567-1", "Ayesha Khan");
        for (int i = 0; i < 5; i++) {
            assertEquals(201, post("/api/v1/applications", "application/json", apply).statusCode(), "post " + (i + 1));
        }
        HttpResponse<String> refused = post("/api/v1/applications", "application/json", apply);
        assertEquals(429, refused.statusCode());
        assertTrue(refused.body().contains("too many requests from your address; try again in"), refused.body());
        int wait = Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(wait >= 1 && wait <= 12, "one POST every 12 s: " + wait);

        HttpResponse<String> page = post("/track?lang=ur", "application/x-www-form-urlencoded", "reference=X&cnic=Y");
        assertEquals(429, page.statusCode());
        assertTrue(page.body().contains("id=\"too-many\"") && page.body().contains("dir=\"rtl\""), "a page, in Urdu");

        Staff admin = Staff.admin(centre);
        assertEquals(5, ApplicationApiIT.JSON.readTree(admin.get("/api/v1/agency/ictpolice/applications?limit=100").body())
                .size(), "the refused application was not stored; logging in is not held back either");
        for (int i = 0; i < 7; i++) {
            assertEquals(200, admin.post("/api/v1/services/ictpolice.lost-report/disable", "{\"reason\":\"drill\"}")
                    .statusCode(), "staff have limits of their own, not this one");
        }
        assertEquals(200, centre.get("/api/v1/services").statusCode(), "reading is never limited");
    }
}
