package org.khidmat.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPath;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import jdk.security.jarsigner.JarSigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys made with the JDK's keytool and jars signed with its JarSigner, at test time. */
class SignatureCheckTest {
    private static final char[] PASS = "changeit".toCharArray();

    @TempDir
    static Path dir;
    private static Path certificates;
    private static KeyStore nadra;
    private static KeyStore other;
    private final JarCheck jars = new JarCheck(Limits.DEFAULT);

    @BeforeAll
    static void keys() throws Exception {
        nadra = keyStore("nadra", "CN=NADRA test signer");
        other = keyStore("other", "CN=Someone else");
        certificates = Files.createDirectories(dir.resolve("conf/agencies"));
        X509Certificate cert = (X509Certificate) nadra.getCertificate("nadra");
        Files.writeString(certificates.resolve("nadra.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
    }

    @Test
    void aJarSignedByTheAgencysRegisteredCertificateIsAccepted() throws Exception {
        Path signed = sign(unsigned("good.jar", "nadra"), nadra, "nadra", "good-signed.jar");
        new SignatureCheck(certificates).check(signed, jars.check(signed));
    }

    @Test
    void anUnsignedJarIsRefused() throws Exception {
        Path jar = unsigned("plain.jar", "nadra");
        assertRefused(jar, "bundle org.nadra.test 1.0.0 is not signed (entry services/svc.json carries no signature); "
                + "this centre requires every entry signed by agency nadra");
    }

    @Test
    void aPartlySignedJarIsRefused() throws Exception {
        Path signed = sign(unsigned("part.jar", "nadra"), nadra, "nadra", "part-signed.jar");
        Path extended = rewrite(signed, "part-extended.jar", null, "extra/added-later.txt");
        assertRefused(extended, "bundle org.nadra.test 1.0.0 is not signed (entry extra/added-later.txt carries no "
                + "signature); this centre requires every entry signed by agency nadra");
    }

    @Test
    void aJarChangedAfterSigningIsRefused() throws Exception {
        Path signed = sign(unsigned("tamper.jar", "nadra"), nadra, "nadra", "tamper-signed.jar");
        Path tampered = rewrite(signed, "tampered.jar", "services/svc.json", null);
        Refusal r = assertThrows(Refusal.class, () -> new SignatureCheck(certificates).check(tampered, jars.check(tampered)));
        assertTrue(r.getMessage().startsWith("bundle org.nadra.test 1.0.0 was changed after it was signed: "), r.getMessage());
        assertTrue(r.getMessage().contains("services/svc.json"), r.getMessage());
    }

    @Test
    void aJarSignedBySomeoneElseIsRefused() throws Exception {
        Path signed = sign(unsigned("wrong.jar", "nadra"), other, "other", "wrong-signed.jar");
        assertRefused(signed, "bundle org.nadra.test 1.0.0 entry services/svc.json is signed by CN=Someone else, not by "
                + "the certificate registered for agency nadra (CN=NADRA test signer)");
    }

    @Test
    void anAgencyWithoutARegisteredCertificateIsRefused() throws Exception {
        Path signed = sign(unsigned("fbr.jar", "fbr"), nadra, "nadra", "fbr-signed.jar");
        assertRefused(signed, "bundle org.fbr.test 1.0.0 is for agency fbr, which has no registered certificate: the "
                + "centre admin puts it in conf/agencies/fbr.pem");
    }

    @Test
    void onlyTopLevelSignatureFilesAreExempt() {
        assertTrue(SignatureCheck.isSignatureFile("META-INF/NADRA.SF"));
        assertTrue(SignatureCheck.isSignatureFile("META-INF/nadra.rsa"));
        assertTrue(SignatureCheck.isSignatureFile("META-INF/MANIFEST.MF"));
        assertEquals(false, SignatureCheck.isSignatureFile("META-INF/services/x.SF"));
        assertEquals(false, SignatureCheck.isSignatureFile("services/svc.json"));
    }

    private void assertRefused(Path jar, String message) throws Exception {
        Candidate c = jars.check(jar);
        Refusal r = assertThrows(Refusal.class, () -> new SignatureCheck(certificates).check(jar, c));
        assertEquals(message, r.getMessage());
    }

    private static KeyStore keyStore(String alias, String dname) throws Exception {
        Path file = dir.resolve(alias + ".p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-dname", dname, "-validity", "30",
                "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "keytool: " + out);
        return KeyStore.getInstance(file.toFile(), PASS);
    }

    private static Path unsigned(String name, String agency) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org." + agency + ".test");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Khidmat-Services", "services/");
        Path file = dir.resolve(name);
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file), mf)) {
            jar.putNextEntry(new ZipEntry("services/svc.json"));
            jar.write(descriptor(agency).getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return file;
    }

    private static Path sign(Path jar, KeyStore keys, String alias, String name) throws Exception {
        PrivateKey key = (PrivateKey) keys.getKey(alias, PASS);
        CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(Arrays.asList(keys.getCertificateChain(alias)));
        JarSigner signer = new JarSigner.Builder(key, path).digestAlgorithm("SHA-256").signatureAlgorithm("SHA256withRSA").build();
        Path out = dir.resolve(name);
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream os = Files.newOutputStream(out)) {
            signer.sign(in, os);
        }
        return out;
    }

    /** Copies a jar entry by entry, changing one entry's content and/or adding one more entry. */
    private static Path rewrite(Path jar, String name, String change, String add) throws IOException {
        Path out = dir.resolve(name);
        try (ZipFile in = new ZipFile(jar.toFile()); ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream data = in.getInputStream(e)) {
                    byte[] bytes = data.readAllBytes();
                    zip.write(e.getName().equals(change)
                            ? new String(bytes, StandardCharsets.UTF_8).replace("Signed service", "Swapped service").getBytes(StandardCharsets.UTF_8)
                            : bytes);
                }
                zip.closeEntry();
            }
            if (add != null) {
                zip.putNextEntry(new ZipEntry(add));
                zip.write("not signed".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out;
    }

    private static String descriptor(String agency) {
        return """
            {"formatVersion": 1, "id": "%1$s.svc", "version": 1,
             "agency": {"code": "%1$s", "name": {"en": "Agency %1$s", "ur": "ادارہ"}},
             "category": "testing", "title": {"en": "Signed service", "ur": "دستخط شدہ"},
             "summary": {"en": "For signing tests.", "ur": "ٹیسٹ"},
             "fees": [{"id": "normal", "title": {"en": "Normal", "ur": "عام"}, "amount": 100, "days": 3}],
             "workflow": {"initial": "submitted",
               "states": [{"id": "submitted", "label": {"en": "Submitted", "ur": "جمع"}},
                          {"id": "done", "label": {"en": "Done", "ur": "مکمل"}, "terminal": true}],
               "transitions": [{"from": "submitted", "to": "done", "label": {"en": "Finish", "ur": "مکمل"}}]}}
            """.formatted(agency);
    }
}
