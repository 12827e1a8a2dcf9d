package org.khidmat.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AgencyClaims}: an agency code belongs to the bundle that registered it first, on every node over the shared
 * database (two {@code AgencyClaims} over one store stand for two nodes) and across restarts.
 */
class AgencyClaimsTest {
    @TempDir
    Path dir;

    @Test
    void anotherBundleClaimingATakenAgencyIsRefusedNamingTheOwner() throws Exception {
        MemoryDeployerState.Owners shared = MemoryDeployerState.empty().owners;
        AgencyClaims claims = new AgencyClaims(shared, dir.resolve("conf"));
        Candidate nadra = candidate("org.khidmat.plugins.nadra", "1.0.0", "nadra", "NADRA");
        claims.check(nadra);
        claims.claim(nadra);
        assertEquals("org.khidmat.plugins.nadra", claims.owner("nadra"));

        Candidate impostor = candidate("org.evil.idcards", "9.0.0", "nadra", "Totally NADRA");
        Refusal r = assertThrows(Refusal.class, () -> claims.check(impostor));
        assertEquals("bundle org.evil.idcards 9.0.0 declares services of agency nadra (Totally NADRA), which belongs to "
                + "bundle org.khidmat.plugins.nadra, the first to register it; only that bundle may serve agency nadra",
                r.getMessage());

        claims.check(candidate("org.khidmat.plugins.nadra", "2.0.0", "nadra", "NADRA")); // its own next version

        AgencyClaims otherNode = new AgencyClaims(shared, dir.resolve("conf"));
        assertThrows(Refusal.class, () -> otherNode.check(impostor), "the claim made on node 1 holds on node 2");
        assertEquals("org.khidmat.plugins.nadra", otherNode.owner("nadra"));
    }

    @Test
    void twoNodesCommittingRivalBundlesLeaveOneOwnerAndTheLateOneIsRefusedAfter() throws Exception {
        MemoryDeployerState.Owners shared = MemoryDeployerState.empty().owners;
        AgencyClaims node1 = new AgencyClaims(shared, dir.resolve("conf"));
        AgencyClaims node2 = new AgencyClaims(shared, dir.resolve("conf"));
        Candidate nadra = candidate("org.khidmat.plugins.nadra", "1.0.0", "nadra", "NADRA");
        Candidate rival = candidate("org.other.nadra", "1.0.0", "nadra", "NADRA too");
        node1.check(nadra);
        node2.check(rival); // both checked before either committed
        node1.claim(nadra);
        node2.claim(rival);
        assertEquals("org.khidmat.plugins.nadra", node2.owner("nadra"), "the first claim stays");
        assertThrows(Refusal.class, () -> node2.check(candidate("org.other.nadra", "1.0.1", "nadra", "NADRA too")));
    }

    @Test
    void theOwnersBundleCannotBeTurnedIntoAnotherAgencys() throws Exception {
        AgencyClaims claims = new AgencyClaims(MemoryDeployerState.empty().owners, dir.resolve("conf"));
        claims.claim(candidate("org.khidmat.plugins.nadra", "1.0.0", "nadra", "NADRA"));
        Refusal r = assertThrows(Refusal.class, () -> claims.check(candidate("org.khidmat.plugins.nadra", "2.0.0", "evil", "Evil")));
        assertTrue(r.getMessage().startsWith("bundle org.khidmat.plugins.nadra 2.0.0 is the bundle of agency nadra"), r.getMessage());
        assertNull(claims.owner("evil"));
    }

    @Test
    void aRegisteredCertificateOwnsItsAgencyEvenWhenSigningIsNotRequired() throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        keytool("-genkeypair", "-alias", "nadra", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=NADRA test",
                "-validity", "30", "-keystore", dir.resolve("k.p12").toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "nadra", "-keystore", dir.resolve("k.p12").toString(),
                "-storepass", "changeit", "-file", conf.resolve("nadra.pem").toString());
        AgencyClaims claims = new AgencyClaims(MemoryDeployerState.empty().owners, conf);
        Refusal r = assertThrows(Refusal.class, () -> claims.check(candidate("org.khidmat.plugins.nadra", "1.0.0", "nadra", "NADRA")));
        assertTrue(r.getMessage().startsWith("bundle org.khidmat.plugins.nadra 1.0.0 is not signed"), r.getMessage());
    }

    private static void keytool(String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "keytool: " + out);
    }

    private Candidate candidate(String bsn, String version, String agency, String agencyName) throws Exception {
        return TestJars.candidate(dir, bsn, version, agency, agencyName);
    }
}
