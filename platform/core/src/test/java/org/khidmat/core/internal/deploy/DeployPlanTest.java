package org.khidmat.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.khidmat.api.store.WantedBundle;
import org.osgi.framework.Version;

/** The deployer's decisions, apart from its thread and the framework: what a deploy, rollback or withdrawal does. */
class DeployPlanTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    static Candidate candidate(String bsn, String version, char sha) {
        return new Candidate(Path.of(bsn + "-" + version + ".jar"), bsn, Version.parseVersion(version), null, null,
                List.of(), String.valueOf(sha).repeat(64));
    }

    static Installed installed(String bsn, String version, char sha, String file, Installed previous) {
        return new Installed(7, candidate(bsn, version, sha), Path.of("data/deployer", bsn, version + ".jar"), file,
                "admin", AT, previous);
    }

    private static Map<String, Installed> running(Installed... bundles) {
        Map<String, Installed> out = new LinkedHashMap<>();
        for (Installed i : bundles) {
            out.put(i.candidate().symbolicName(), i);
        }
        return out;
    }

    @Test
    void aJarIsRecognisedByItsBytesAloneWhateverItsFileIsCalled() {
        Map<String, Installed> running = running(installed("org.a", "1.0.0", 'a', "a.jar", null),
                installed("org.b", "2.0.0", 'b', null, null));
        assertEquals("org.b", DeployPlan.sameBytes(running.values(), "b".repeat(64)).orElseThrow().candidate().symbolicName());
        assertTrue(DeployPlan.sameBytes(running.values(), "c".repeat(64)).isEmpty());
        assertTrue(DeployPlan.sameBytes(List.of(), "a".repeat(64)).isEmpty());
    }

    @Test
    void aFileLeavingDeployWithdrawsOnlyTheBundleItStandsFor() {
        Map<String, Installed> running = running(installed("org.a", "1.0.0", 'a', "a.jar", null),
                installed("org.b", "2.0.0", 'b', null, null));
        assertEquals("org.a", DeployPlan.standingFor(running.values(), "a.jar").orElseThrow().candidate().symbolicName());
        assertTrue(DeployPlan.standingFor(running.values(), "b.jar").isEmpty(), "org.b came from the API, not b.jar");
    }

    @Test
    void bundlesWhoseFileLeftWhileTheCentreWasDownOrThatNeverHadOneAreWithdrawnAtStart() {
        Map<String, Installed> running = running(installed("org.a", "1.0.0", 'a', "a.jar", null),
                installed("org.b", "2.0.0", 'b', "b.jar", null), installed("org.c", "1.0.0", 'c', null, null));
        Set<String> inFolder = Set.of("a.jar");
        assertEquals(List.of("org.b", "org.c"), DeployPlan.goneWhileDown(running.values(), inFolder::contains));
        assertEquals(List.of("org.c"), DeployPlan.goneWhileDown(running.values(), f -> true),
                "a bundle no file stands for is withdrawn whatever the folder holds");
    }

    @Test
    void anArchivedJarIsNamedForItsVersionAndBuild() {
        assertEquals("1.2.0-aaaaaaaaaaaa.jar", DeployPlan.archivedName(candidate("org.a", "1.2.0", 'a')));
    }

    @Test
    void aRollbackGoesToTheVersionBeforeAsTheActorNowAndKeepsTheChainBelowIt() {
        Installed oldest = installed("org.a", "1.0.0", 'a', null, null);
        Installed before = installed("org.a", "1.1.0", 'b', null, oldest);
        Installed current = installed("org.a", "1.2.0", 'c', "a.jar", before);
        Instant now = AT.plusSeconds(60);
        var to = assertInstanceOf(DeployPlan.Rollback.To.class, DeployPlan.rollback(running(current), "org.a", "alice", now));
        assertEquals(current, to.current());
        Installed next = to.next();
        assertEquals("1.1.0", next.candidate().version().toString());
        assertEquals(before.archived(), next.archived());
        assertEquals(-1, next.bundleId(), "not installed yet");
        assertNull(next.sourceFile(), "the deploy folder decides the file at the commit");
        assertEquals("alice", next.by());
        assertEquals(now, next.at());
        assertEquals(oldest, next.previous());
    }

    @Test
    void aRollbackOfAFirstVersionOrOfNothingSaysSo() {
        Installed only = installed("org.a", "1.0.0", 'a', null, null);
        var none = assertInstanceOf(DeployPlan.Rollback.NothingBefore.class,
                DeployPlan.rollback(running(only), "org.a", "alice", AT));
        assertEquals(only, none.current());
        assertInstanceOf(DeployPlan.Rollback.NotDeployed.class, DeployPlan.rollback(running(only), "org.b", "alice", AT));
    }

    @Test
    void aLibraryOthersImportIsNotWithdrawnWhenAskedAloneButIsWithItsDependentsFirst() {
        Map<String, Installed> running = running(installed("org.lib", "1.0.0", 'a', "lib.jar", null));
        List<String> dependents = List.of("org.x", "org.y");
        var conflict = assertInstanceOf(DeployPlan.Withdraw.Conflict.class,
                DeployPlan.withdrawal(running, "org.lib", dependents, Removal.ASKED));
        assertEquals(dependents, conflict.dependents());

        var go = assertInstanceOf(DeployPlan.Withdraw.Go.class,
                DeployPlan.withdrawal(running, "org.lib", dependents, Removal.WITH_DEPENDENTS));
        assertEquals(dependents, go.first());
        assertEquals(List.of(), go.suspend());
        assertTrue(go.recordInSet());
    }

    @Test
    void aLibraryWhoseFileLeftOrThatTheSetDroppedGoesAndItsDependentsAreSuspended() {
        Map<String, Installed> running = running(installed("org.lib", "1.0.0", 'a', "lib.jar", null));
        List<String> dependents = List.of("org.x");
        var gone = assertInstanceOf(DeployPlan.Withdraw.Go.class,
                DeployPlan.withdrawal(running, "org.lib", dependents, Removal.FILE_GONE));
        assertEquals(List.of(), gone.first());
        assertEquals(dependents, gone.suspend());
        assertTrue(gone.recordInSet(), "the other nodes hear that the file left");

        var fromSet = assertInstanceOf(DeployPlan.Withdraw.Go.class,
                DeployPlan.withdrawal(running, "org.lib", dependents, Removal.SET));
        assertEquals(dependents, fromSet.suspend());
        assertFalse(fromSet.recordInSet(), "a withdrawal the set asked for is not written back to it");
    }

    @Test
    void aBundleNobodyImportsIsWithdrawnWhenAskedAndUnknownOnesAreNotFound() {
        Map<String, Installed> running = running(installed("org.a", "1.0.0", 'a', "a.jar", null));
        var go = assertInstanceOf(DeployPlan.Withdraw.Go.class, DeployPlan.withdrawal(running, "org.a", List.of(), Removal.ASKED));
        assertEquals("org.a", go.current().candidate().symbolicName());
        assertEquals(List.of(), go.first());
        assertInstanceOf(DeployPlan.Withdraw.NotDeployed.class,
                DeployPlan.withdrawal(running, "org.b", List.of(), Removal.ASKED));
    }

    @Test
    void aBundleOfTheSetIsARollbackWhenItIsTheVersionBeforeAndReplacesANewerOneOnlyAfterItsWithdrawal() {
        Installed before = installed("org.a", "1.0.0", 'a', null, null);
        Installed current = installed("org.a", "1.1.0", 'b', null, before);
        assertEquals(DeployPlan.FromSet.ROLLBACK, DeployPlan.fromSet(current, wanted("org.a", "1.0.0", 'a')));
        assertEquals(DeployPlan.FromSet.WITHDRAW_THEN_DEPLOY, DeployPlan.fromSet(current, wanted("org.a", "1.0.5", 'c')));
        assertEquals(DeployPlan.FromSet.DEPLOY, DeployPlan.fromSet(current, wanted("org.a", "1.2.0", 'd')));
        assertEquals(DeployPlan.FromSet.DEPLOY, DeployPlan.fromSet(current, wanted("org.a", "1.1.0", 'e')),
                "another build of the same version is deployed over it");
        assertEquals(DeployPlan.FromSet.DEPLOY, DeployPlan.fromSet(null, wanted("org.a", "0.9.0", 'a')));
    }

    private static WantedBundle wanted(String bsn, String version, char sha) {
        return WantedBundle.of(bsn, version, String.valueOf(sha).repeat(64), "acme", "admin", AT, "not needed", 1);
    }
}
