package org.khidmat.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RoutesTest {
    private final Routes routes = new Routes(Routes.PATTERNS);

    @Test
    void pathsBecomeTheirPatternsWithoutIdsOrReferences() {
        assertEquals("/api/v1/services/{id}", routes.of("/api/v1/services/nadra.cnic-renewal"));
        assertEquals("/api/v1/services", routes.of("/api/v1/services"));
        assertEquals("/api/v1/services", routes.of("/api/v1/services/"));
        assertEquals("/api/v1/applications/{ref}/moves", routes.of("/api/v1/applications/KM7Q-4XPA-K/moves"));
        assertEquals("/apply/{id}/page/{n}", routes.of("/apply/nadra.cnic-renewal/page/2"));
        assertEquals("/", routes.of("/"));
        assertEquals("/metrics", routes.of("/metrics"));
    }

    @Test
    void literalSegmentsWinOverPlaceholders() {
        assertEquals("/appointments/check-in", routes.of("/appointments/check-in"));
        assertEquals("/appointments/{id}", routes.of("/appointments/nadra.cnic-renewal"));
        assertEquals("/api/v1/bundles/pending/{sha}/approve", routes.of("/api/v1/bundles/pending/ab12/approve"));
        assertEquals("/api/v1/bundles/{bsn}/rollback", routes.of("/api/v1/bundles/org.acme.x/rollback"));
    }

    @Test
    void restPatternsAndUnknownPathsStayBounded() {
        assertEquals("/admin/*", routes.of("/admin/accounts/61101-1234567-1"));
        assertEquals("/api/*", routes.of("/api/v2/anything/at/all"));
        assertEquals(Routes.UNMATCHED, routes.of("/wp-login.php"));
        assertEquals(Routes.UNMATCHED, routes.of("/services/x/y/z/w"));
        assertEquals(Routes.UNMATCHED, routes.of("relative"));
        assertEquals(Routes.UNMATCHED, routes.of("/services//start"));
    }

    @Test
    void rememberedPathsAnswerTheSameAndTheMemoryIsBounded() {
        for (int i = 0; i < Routes.REMEMBERED + 500; i++) {
            assertEquals("/agency/applications/{ref}", routes.of("/agency/applications/R" + i));
        }
        assertEquals(Routes.REMEMBERED, routes.remembered());
        assertEquals("/agency/applications/{ref}", routes.of("/agency/applications/R1"));
        assertEquals("/api/v1/services/{id}", routes.of("/api/v1/services/nadra.x"));
        assertEquals("/api/v1/services/{id}", routes.of("/api/v1/services/nadra.x"));
    }
}
