package org.khidmat.testkit.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.khidmat.testkit.store.Samples.T;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.khidmat.api.store.AgencyOwners;
import org.khidmat.api.store.BundleApprovals;
import org.khidmat.api.store.WaitingBundle;

/**
 * The deployer's shared state ({@link BundleApprovals}, {@link org.khidmat.api.store.BundleQuarantine},
 * {@link AgencyOwners}): what one node keeps, every other node reads at once; a jar is approved once, an agency
 * owned once, a quarantine reason kept as first given.
 */
public abstract class DeployerStateContract extends StoreContract {
    private static final String SHA_A = "a1".repeat(32);
    private static final String SHA_B = "b2".repeat(32);
    private static final byte[] JAR = "PK the jar's bytes".getBytes(StandardCharsets.UTF_8);

    private static WaitingBundle waiting(String sha, String version, int secondsAfterT) {
        return WaitingBundle.of(sha, "org.test.alpha", version, "alpha", "alpha-staff", T.plusSeconds(secondsAfterT));
    }

    @Test
    public void aJarParkedOnOneNodeIsListedWithItsBytesOnTheOtherOldestFirst() {
        StoreUnderTest other = stores.otherNode();
        assertEquals(List.of(), other.bundleApprovals().waiting());
        stores.bundleApprovals().park(waiting(SHA_B, "1.2.0", 60), JAR);
        stores.bundleApprovals().park(waiting(SHA_A, "1.1.0", 0), JAR);

        List<WaitingBundle> seen = other.bundleApprovals().waiting();
        assertEquals(List.of(waiting(SHA_A, "1.1.0", 0), waiting(SHA_B, "1.2.0", 60)), seen, "oldest upload first");
        assertEquals(Optional.of(waiting(SHA_B, "1.2.0", 60)), other.bundleApprovals().waiting(SHA_B));
        assertArrayEquals(JAR, other.bundleApprovals().jar(SHA_A).orElseThrow());
        assertFalse(other.bundleApprovals().isApproved(SHA_A));
    }

    @Test
    public void aJarApprovedOnTheOtherNodeIsApprovedEverywhereAndNoLongerWaits() {
        StoreUnderTest other = stores.otherNode();
        stores.bundleApprovals().park(waiting(SHA_A, "1.1.0", 0), JAR);

        assertTrue(other.bundleApprovals().approve(SHA_A, "admin", T.plusSeconds(5)));

        assertTrue(stores.bundleApprovals().isApproved(SHA_A), "the uploading node knows the approval");
        assertEquals(List.of(), stores.bundleApprovals().waiting());
        assertTrue(stores.bundleApprovals().jar(SHA_A).isEmpty());
        assertFalse(stores.bundleApprovals().approve(SHA_A, "admin2", T.plusSeconds(6)), "approved once");
        stores.bundleApprovals().park(waiting(SHA_A, "1.1.0", 10), JAR);
        assertEquals(List.of(), other.bundleApprovals().waiting(), "an approved hash does not wait again");
    }

    @Test
    public void twoNodesApprovingOneJarAtOnceAreToldTrueOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String sha = String.format("%064x", round + 1);
            stores.bundleApprovals().park(waiting(sha, "1.0." + round, round), JAR);
            List<Boolean> said = Together.run(4, stores, (i, node) -> node.bundleApprovals().approve(sha, "admin-" + i, T));
            assertEquals(1, said.stream().filter(b -> b).count(), "round " + round + ": " + said);
        }
    }

    @Test
    public void aRejectedJarIsGoneAndAnApprovalCarriedOverNeedsNoJar() {
        stores.bundleApprovals().park(waiting(SHA_A, "1.1.0", 0), JAR);
        assertTrue(stores.otherNode().bundleApprovals().reject(SHA_A));
        assertFalse(stores.bundleApprovals().reject(SHA_A), "nothing waits any more");
        assertTrue(stores.bundleApprovals().waiting(SHA_A).isEmpty());
        assertFalse(stores.bundleApprovals().isApproved(SHA_A));

        stores.bundleApprovals().approved(SHA_B, "admin", T);
        assertTrue(stores.otherNode().bundleApprovals().isApproved(SHA_B));
        assertFalse(stores.bundleApprovals().reject(SHA_B), "a rejection does not take back an approval");
        assertTrue(stores.bundleApprovals().isApproved(SHA_B));
    }

    @Test
    public void aJarQuarantinedOnOneNodeIsQuarantinedOnTheOtherWithItsFirstReason() {
        assertTrue(stores.otherNode().bundleQuarantine().reason(SHA_A).isEmpty());
        stores.bundleQuarantine().add(SHA_A, "org.acme.hang 1.0.0: did not start within 10 s", T);
        stores.otherNode().bundleQuarantine().add(SHA_A, "a second reason", T.plusSeconds(1));

        assertEquals(Optional.of("org.acme.hang 1.0.0: did not start within 10 s"),
                stores.otherNode().bundleQuarantine().reason(SHA_A));
        assertEquals(Map.of(SHA_A, "org.acme.hang 1.0.0: did not start within 10 s"), stores.bundleQuarantine().all());
        assertTrue(stores.bundleQuarantine().reason(SHA_B).isEmpty());
    }

    @Test
    public void anAgencyClaimedOnOneNodeBelongsToThatBundleOnTheOther() {
        AgencyOwners first = stores.agencyOwners();
        AgencyOwners second = stores.otherNode().agencyOwners();
        assertEquals("org.khidmat.plugins.nadra", first.claim("nadra", "org.khidmat.plugins.nadra", T));

        assertEquals("org.khidmat.plugins.nadra", second.claim("nadra", "org.evil.idcards", T.plusSeconds(1)),
                "the rival's claim answers the owner");
        assertEquals(Optional.of("org.khidmat.plugins.nadra"), second.owner("nadra"));
        assertEquals("org.khidmat.plugins.nadra", second.claim("nadra", "org.khidmat.plugins.nadra", T), "held already");
        second.claim("fbr", "org.khidmat.plugins.fbr", T);
        assertEquals(List.of("fbr", "nadra"), List.copyOf(first.all().keySet()), "by agency code");
        assertTrue(first.owner("dgip").isEmpty());
    }

    @Test
    public void twoNodesClaimingOneAgencyAtOnceAgreeOnOneOwner() throws Exception {
        for (int round = 0; round < 5; round++) {
            String agency = "agency" + round;
            String suffix = "b" + round;
            List<String> said = Together.run(4, stores, (i, node) -> node.agencyOwners().claim(agency, "org.n" + i + "." + suffix, T));
            assertEquals(1, said.stream().distinct().count(), "round " + round + ": all are told the one owner: " + said);
            assertEquals(Optional.of(said.get(0)), stores.agencyOwners().owner(agency));
        }
    }

    @Test
    public void aWaitingJarOrClaimLackingWhatItNeedsStoresNothing() {
        assertRefusal(assertThrows(RuntimeException.class, () -> stores.bundleApprovals().park(waiting(SHA_A, "1.0.0", 0),
                null)));
        assertRefusal(assertThrows(RuntimeException.class, () -> stores.agencyOwners().claim("nadra", null, T)));
        assertRefusal(assertThrows(RuntimeException.class, () -> stores.bundleQuarantine().add(SHA_A, null, T)));
        assertEquals(List.of(), stores.bundleApprovals().waiting());
        assertTrue(stores.agencyOwners().owner("nadra").isEmpty());
        assertTrue(stores.bundleQuarantine().all().isEmpty());
    }
}
