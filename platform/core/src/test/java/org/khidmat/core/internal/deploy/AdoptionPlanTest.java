package org.khidmat.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/** What the deployer does at start with each bundle the framework restored from its cache, apart from the framework. */
class AdoptionPlanTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final String A_EXACT = "khidmat-deploy:org.a/1.1.0-aaaaaaaaaaaa.jar";
    private static final String A_OLDER = "khidmat-deploy:org.a/1.0.0-999999999999.jar";

    private final Map<String, DeployState.Entry> remembered = Map.of(
            "org.a", new DeployState.Entry("1.1.0-aaaaaaaaaaaa.jar", "a.jar", "admin", AT),
            "org.b", new DeployState.Entry("2.0.0-bbbbbbbbbbbb.jar", null, "admin", AT),
            "org.q", new DeployState.Entry("1.0.0-cccccccccccc.jar", "q.jar", "admin", AT));
    private final ArchivedJars.Checked checked = new ArchivedJars.Checked(
            Map.of("org.a", DeployPlanTest.candidate("org.a", "1.1.0", 'a'),
                    "org.q", DeployPlanTest.candidate("org.q", "1.0.0", 'c')),
            Map.of("org.b", "its archived jar is missing"));
    private final AdoptionPlan plan = new AdoptionPlan(remembered, checked, Set.of("c".repeat(64))::contains);

    @Test
    void aBundleAtItsRecordedLocationIsTakenBeforeAnOlderOneLeftBesideIt() {
        List<String> cached = new ArrayList<>(List.of("System Bundle", A_OLDER, "file:/platform/web.jar", A_EXACT));
        cached.sort(plan.order());
        assertEquals(A_EXACT, cached.get(0));
        assertTrue(plan.exactLocation(A_EXACT));
        assertFalse(plan.exactLocation(A_OLDER));
        assertFalse(plan.exactLocation("file:/platform/web.jar"), "not an agency bundle");
        assertFalse(plan.exactLocation("khidmat-deploy:org.unknown/1.0.0-dddddddddddd.jar"), "not remembered");
    }

    @Test
    void theRecordedInstalledBundlesThatCheckedAndAreNotQuarantinedAreResolvedTogetherFirst() {
        assertTrue(plan.resolveFirst(A_EXACT, true));
        assertFalse(plan.resolveFirst(A_EXACT, false), "already resolved or active");
        assertFalse(plan.resolveFirst(A_OLDER, true), "not at its recorded location");
        assertFalse(plan.resolveFirst("khidmat-deploy:org.b/2.0.0-bbbbbbbbbbbb.jar", true), "its jar did not check");
        assertFalse(plan.resolveFirst("khidmat-deploy:org.q/1.0.0-cccccccccccc.jar", true), "quarantined");
    }

    @Test
    void theRecordedVersionIsAdoptedOnceAndEverythingElseIsRemovedSayingWhy() {
        Version v110 = Version.parseVersion("1.1.0");
        assertEquals(Optional.empty(), plan.refusal(A_EXACT, v110, false));
        assertEquals("org.a 1.1.0", plan.candidate("org.a").label());
        assertEquals("a.jar", plan.entry("org.a").sourceFile());

        assertEquals("the cached bundle is not the recorded org.a 1.1.0",
                plan.refusal(A_OLDER, Version.parseVersion("1.0.0"), false).orElseThrow());
        assertEquals("the cached bundle is not the recorded org.a 1.1.0", plan.refusal(A_OLDER, v110, true).orElseThrow(),
                "a second bundle of a name already adopted");
        assertEquals("its archived jar is missing",
                plan.refusal("khidmat-deploy:org.b/2.0.0-bbbbbbbbbbbb.jar", Version.parseVersion("2.0.0"), false).orElseThrow());
        assertEquals("no record of how it was deployed",
                plan.refusal("khidmat-deploy:org.z/1.0.0-eeeeeeeeeeee.jar", v110, false).orElseThrow());
        assertEquals("it is quarantined",
                plan.refusal("khidmat-deploy:org.q/1.0.0-cccccccccccc.jar", Version.parseVersion("1.0.0"), false).orElseThrow());
    }
}
