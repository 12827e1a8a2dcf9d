package org.khidmat.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AgencyClaims}: an agency code belongs to the bundle that registered it first, across restarts. */
class AgencyClaimsTest {
    @TempDir
    Path dir;

    @Test
    void anotherBundleClaimingATakenAgencyIsRefusedNamingTheOwner() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        AgencyClaims claims = new AgencyClaims(data, dir.resolve("conf"));
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

        AgencyClaims afterRestart = new AgencyClaims(data, dir.resolve("conf"));
        assertThrows(Refusal.class, () -> afterRestart.check(impostor), "kept in data/");
        assertTrue(Files.readString(data.resolve("agencies.properties")).contains("nadra=org.khidmat.plugins.nadra"));
    }

    @Test
    void theOwnersBundleCannotBeTurnedIntoAnotherAgencys() throws Exception {
        AgencyClaims claims = new AgencyClaims(dir, dir.resolve("conf"));
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
        AgencyClaims claims = new AgencyClaims(dir, conf);
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

    @Test
    void aTamperedFileCannotAssignAgenciesToNamesOutsideTheGrammar() throws Exception {
        Files.writeString(dir.resolve("agencies.properties"), "nadra=../../conf\nfbr=org.khidmat.plugins.fbr\n");
        AgencyClaims claims = new AgencyClaims(dir, dir.resolve("conf"));
        assertNull(claims.owner("nadra"));
        assertEquals("org.khidmat.plugins.fbr", claims.owner("fbr"));
    }

    private Candidate candidate(String bsn, String version, String agency, String agencyName) throws Exception {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", version);
        a.putValue("Khidmat-Services", "services/");
        Path file = dir.resolve(bsn + "-" + version + ".jar");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, mf)) {
            jar.putNextEntry(new ZipEntry("services/svc.json"));
            jar.write(descriptor(agency, agencyName));
            jar.closeEntry();
        }
        return new JarCheck(Limits.DEFAULT).check(file);
    }

    private static byte[] descriptor(String agency, String name) throws IOException {
        return ("""
                {
                  "formatVersion": 1, "id": "%1$s.permit", "version": 1,
                  "agency": { "code": "%1$s", "name": { "en": "%2$s", "ur": "ادارہ" } },
                  "category": "tax",
                  "title": { "en": "Permit", "ur": "اجازت" },
                  "summary": { "en": "A permit.", "ur": "اجازت نامہ" },
                  "fees": [ { "id": "free", "title": { "en": "Free", "ur": "مفت" }, "amount": 0, "days": 1 } ],
                  "form": [ { "name": "fullName", "type": "text", "label": { "en": "Name", "ur": "نام" } } ],
                  "workflow": {
                    "initial": "open",
                    "states": [ { "id": "open", "label": { "en": "Open", "ur": "کھلی" } },
                                { "id": "done", "label": { "en": "Done", "ur": "مکمل" }, "terminal": true } ],
                    "transitions": [ { "from": "open", "to": "done", "label": { "en": "Issue", "ur": "جاری" } } ]
                  }
                }
                """).formatted(agency, name).getBytes(StandardCharsets.UTF_8);
    }
}
