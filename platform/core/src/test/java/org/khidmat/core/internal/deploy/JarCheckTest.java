package org.khidmat.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.descriptor.FieldType;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.osgi.framework.Version;

/** {@link JarCheck} on jars built here: one good agency bundle and one small fault at a time. */
class JarCheckTest {
    private static final String NOT_A_ZIP = "the file is not a readable jar (zip): ";

    @TempDir
    Path dir;

    private final JarCheck check = new JarCheck(Limits.DEFAULT);

    // ---- a good bundle ---------------------------------------------------------------------------------

    @Test
    void goodAgencyBundleBecomesACandidate() throws Exception {
        Manifest mf = manifest("a.b;singleton:=true", "1.2.3.rc1");
        mf.getMainAttributes().putValue("Khidmat-Services", "services/ntn.json, services/stn.json");
        mf.getMainAttributes().putValue("Import-Package", "org.khidmat.api;version=\"[1.0,2)\"");
        mf.getMainAttributes().putValue("Export-Package", "org.ab.api;version=1.0.0");
        Path jar = jar("good.jar", mf, Map.of(
                "services/ntn.json", descriptor("fbr.ntn"),
                "services/stn.json", descriptor("fbr.stn"),
                "org/ab/Thing.class", new byte[] {(byte) 0xCA, (byte) 0xFE}));

        Candidate c = check.check(jar);

        assertEquals(jar, c.jar());
        assertEquals("a.b", c.symbolicName(), "directives are not part of the symbolic name");
        assertEquals(new Version(1, 2, 3, "rc1"), c.version());
        assertEquals("a.b 1.2.3.rc1", c.label());
        assertEquals("org.khidmat.api;version=\"[1.0,2)\"", c.importPackage());
        assertEquals("org.ab.api;version=1.0.0", c.exportPackage());
        assertEquals(List.of("fbr.ntn", "fbr.stn"), c.serviceIds(), "header order");
        ServiceDescriptor ntn = c.descriptors().get(0);
        assertEquals("services/ntn.json", ntn.source());
        assertEquals(FieldType.TEXT, ntn.form().get(0).type());
        assertEquals(sha256(jar), c.sha256());
        assertEquals(64, c.sha256().length());
    }

    @Test
    void bundleWithoutServicesHeaderHasNoDescriptors() throws Exception {
        Candidate c = check.check(jar("lib.jar", manifest("org.lib", "2.0.0"), Map.of("org/lib/A.class", new byte[] {1})));
        assertEquals(List.of(), c.descriptors());
        assertNull(c.importPackage());
        assertNull(c.exportPackage());
    }

    @Test
    void missingBundleVersionIsZero() throws Exception {
        Manifest mf = manifest("a.b", null);
        assertEquals(Version.emptyVersion, check.check(jar("nover.jar", mf, Map.of())).version());
    }

    @Test
    void folderInHeaderNamesItsJsonFilesOnly() throws Exception {
        Manifest mf = manifest("a.b", "1.0.0");
        mf.getMainAttributes().putValue("Khidmat-Services", "services/");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("services/", new byte[0]);
        entries.put("services/z.json", descriptor("fbr.stn"));
        entries.put("services/a.json", descriptor("fbr.ntn"));
        entries.put("services/readme.txt", "not a descriptor".getBytes(StandardCharsets.UTF_8));
        entries.put("services/old/b.json", "not even json".getBytes(StandardCharsets.UTF_8));
        Candidate c = check.check(jar("folder.jar", mf, entries));
        assertEquals(List.of("fbr.ntn", "fbr.stn"), c.serviceIds(), "sorted by path, sub-folders not read");
    }

    @Test
    void leadingSlashInHeaderIsAllowed() throws Exception {
        Manifest mf = manifest("a.b", "1.0.0");
        mf.getMainAttributes().putValue("Khidmat-Services", "/services/ntn.json");
        assertEquals(List.of("fbr.ntn"), check.check(jar("slash.jar", mf, Map.of("services/ntn.json", descriptor("fbr.ntn"))))
                .serviceIds());
    }

    // ---- not a readable jar ----------------------------------------------------------------------------

    @Test
    void textFileNamedJar() throws Exception {
        Path jar = dir.resolve("notes.jar");
        Files.writeString(jar, "this is not a zip\n");
        Refusal r = assertThrows(Refusal.class, () -> check.check(jar));
        assertTrue(r.getMessage().startsWith(NOT_A_ZIP), r.getMessage());
        assertFalse(JarCheck.isCompleteZip(jar));
    }

    @Test
    void truncatedJar() throws Exception {
        Path good = goodJar("whole.jar");
        byte[] bytes = Files.readAllBytes(good);
        Path half = Files.write(dir.resolve("half.jar"), Arrays.copyOf(bytes, bytes.length / 2));
        Refusal r = assertThrows(Refusal.class, () -> check.check(half));
        assertTrue(r.getMessage().startsWith(NOT_A_ZIP), r.getMessage());
    }

    @Test
    void isCompleteZip() throws Exception {
        Path good = goodJar("whole.jar");
        assertTrue(JarCheck.isCompleteZip(good));
        byte[] bytes = Files.readAllBytes(good);
        Path half = Files.write(dir.resolve("half.jar"), Arrays.copyOf(bytes, bytes.length / 2));
        assertFalse(JarCheck.isCompleteZip(half));
        assertFalse(JarCheck.isCompleteZip(dir.resolve("absent.jar")));
    }

    @Test
    void missingFile() {
        Refusal r = assertThrows(Refusal.class, () -> check.check(dir.resolve("absent.jar")));
        assertTrue(r.getMessage().startsWith("cannot read absent.jar: "), r.getMessage());
    }

    // ---- not an OSGi bundle ----------------------------------------------------------------------------

    @Test
    void noManifest() throws Exception {
        Path jar = jar("plain.jar", null, Map.of("a.txt", new byte[] {1}));
        assertRefused(jar, "the jar has no META-INF/MANIFEST.MF, so it is not an OSGi bundle");
    }

    @Test
    void noSymbolicName() throws Exception {
        assertRefused(jar("nobsn.jar", manifest(null, "1.0.0"), Map.of()),
                "the jar is not an OSGi bundle: its manifest has no Bundle-SymbolicName "
                        + "(build it with bnd-maven-plugin or maven-bundle-plugin)");
    }

    @Test
    void missingManifestVersion() throws Exception {
        Manifest mf = manifest("a.b", "1.0.0");
        mf.getMainAttributes().remove(new Attributes.Name("Bundle-ManifestVersion"));
        assertRefused(jar("r3.jar", mf, Map.of()), "bundle a.b lacks Bundle-ManifestVersion: 2 (an OSGi R4+ bundle is needed)");
        mf.getMainAttributes().putValue("Bundle-ManifestVersion", "1");
        assertRefused(jar("r3b.jar", mf, Map.of()), "bundle a.b lacks Bundle-ManifestVersion: 2 (an OSGi R4+ bundle is needed)");
    }

    @Test
    void badBundleVersion() throws Exception {
        assertRefused(jar("badver.jar", manifest("a.b", "1.x"), Map.of()),
                "bundle a.b has an invalid Bundle-Version '1.x': use major.minor.micro[.qualifier]");
    }

    // ---- unsafe or too big -----------------------------------------------------------------------------

    @Test
    void entryClimbingOut() throws Exception {
        assertRefused(jar("evil.jar", manifest("a.b", "1.0.0"), Map.of("../evil.txt", new byte[] {1})),
                "the jar has an entry with an unsafe path '../evil.txt' (absolute, .., backslash or drive letter)");
        assertRefused(jar("evil2.jar", manifest("a.b", "1.0.0"), Map.of("lib/../../evil.txt", new byte[] {1})),
                "the jar has an entry with an unsafe path 'lib/../../evil.txt' (absolute, .., backslash or drive letter)");
    }

    @Test
    void absoluteEntry() throws Exception {
        assertRefused(jar("abs.jar", manifest("a.b", "1.0.0"), Map.of("/abs", new byte[] {1})),
                "the jar has an entry with an unsafe path '/abs' (absolute, .., backslash or drive letter)");
    }

    @Test
    void backslashAndDriveLetterEntries() throws Exception {
        assertRefused(jar("bs.jar", manifest("a.b", "1.0.0"), Map.of("a\\b.txt", new byte[] {1})),
                "the jar has an entry with an unsafe path 'a\\b.txt' (absolute, .., backslash or drive letter)");
        assertRefused(jar("drive.jar", manifest("a.b", "1.0.0"), Map.of("C:evil.txt", new byte[] {1})),
                "the jar has an entry with an unsafe path 'C:evil.txt' (absolute, .., backslash or drive letter)");
    }

    @Test
    void dotsInNamesAreNotClimbing() throws Exception {
        check.check(jar("dots.jar", manifest("a.b", "1.0.0"), Map.of("a..b/..c.txt", new byte[] {1})));
    }

    @Test
    void tooManyEntries() throws Exception {
        JarCheck small = new JarCheck(new Limits(1 << 20, 3, 1 << 20, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            entries.put("f" + i + ".txt", new byte[] {1});
        }
        Path jar = jar("many.jar", manifest("a.b", "1.0.0"), entries);
        Refusal r = assertThrows(Refusal.class, () -> small.check(jar));
        assertEquals("the jar has 5 entries; this centre takes at most 3", r.getMessage(), "4 files and the manifest");
        small.check(jar("three.jar", manifest("a.b", "1.0.0"), Map.of("f.txt", new byte[] {1}, "g.txt", new byte[] {1})));
    }

    @Test
    void fileTooLarge() throws Exception {
        Path jar = goodJar("big.jar");
        long size = Files.size(jar);
        JarCheck small = new JarCheck(new Limits(size - 1, 100, 1 << 20, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        Refusal r = assertThrows(Refusal.class, () -> small.check(jar));
        assertEquals("the file is " + size + " bytes; the largest bundle this centre takes is " + (size - 1) + " bytes",
                r.getMessage());
        new JarCheck(new Limits(size, 100, 1 << 20, Duration.ofSeconds(1), Duration.ofSeconds(1))).check(jar);
    }

    @Test
    void expandsTooMuch() throws Exception {
        JarCheck small = new JarCheck(new Limits(1 << 20, 100, 10_000, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        Path jar = jar("bomb.jar", manifest("a.b", "1.0.0"), Map.of("zeros.bin", new byte[10_001]));
        assertTrue(Files.size(jar) < 10_000, "it compresses well");
        Refusal r = assertThrows(Refusal.class, () -> small.check(jar));
        assertTrue(r.getMessage().startsWith("the jar expands to more than 10000 bytes"), r.getMessage());
    }

    // ---- descriptors -----------------------------------------------------------------------------------

    @Test
    void headerNamesAMissingFile() throws Exception {
        Manifest mf = manifest("a.b", "1.0.0");
        mf.getMainAttributes().putValue("Khidmat-Services", "services/ntn.json,services/missing.json");
        assertRefused(jar("missing.jar", mf, Map.of("services/ntn.json", descriptor("fbr.ntn"))),
                "bundle a.b 1.0.0 has invalid service descriptors: "
                        + "Khidmat-Services names services/missing.json but the bundle has no such file");
    }

    @Test
    void headerNamesAFolderEntry() throws Exception {
        Manifest mf = manifest("a.b", "1.0.0");
        mf.getMainAttributes().putValue("Khidmat-Services", "services");
        assertRefused(jar("dirent.jar", mf, Map.of("services/", new byte[0], "services/ntn.json", descriptor("fbr.ntn"))),
                "bundle a.b 1.0.0 has invalid service descriptors: "
                        + "Khidmat-Services names services but the bundle has no such file");
    }

    @Test
    void invalidDescriptor() throws Exception {
        Manifest mf = manifest("a.b", "1.0.0");
        mf.getMainAttributes().putValue("Khidmat-Services", "services/ntn.json");
        byte[] bad = new String(descriptor("fbr.ntn"), StandardCharsets.UTF_8)
                .replace("\"formatVersion\": 1", "\"formatVersion\": 2").getBytes(StandardCharsets.UTF_8);
        assertRefused(jar("bad.jar", mf, Map.of("services/ntn.json", bad)),
                "bundle a.b 1.0.0 has invalid service descriptors: "
                        + "services/ntn.json: formatVersion: is 2 but this centre reads format 1");
    }

    @Test
    void problemsOfEveryDescriptorAreJoined() throws Exception {
        Manifest mf = manifest("a.b", "1.0.0");
        mf.getMainAttributes().putValue("Khidmat-Services", "services/");
        assertRefused(jar("two.jar", mf, Map.of(
                        "services/a.json", "[]".getBytes(StandardCharsets.UTF_8),
                        "services/b.json", "".getBytes(StandardCharsets.UTF_8))),
                "bundle a.b 1.0.0 has invalid service descriptors: services/a.json: must be a JSON object; "
                        + "services/b.json: empty file, expected a JSON object");
    }

    @Test
    void sameIdTwiceInOneBundle() throws Exception {
        Manifest mf = manifest("a.b", "1.0.0");
        mf.getMainAttributes().putValue("Khidmat-Services", "services/");
        assertRefused(jar("dup.jar", mf, Map.of("services/a.json", descriptor("fbr.ntn"), "services/b.json", descriptor("fbr.ntn"))),
                "bundle a.b 1.0.0 has invalid service descriptors: "
                        + "services/b.json: id 'fbr.ntn' is declared by another descriptor of this bundle");
    }

    @Test
    void folderWithNoJson() throws Exception {
        Manifest mf = manifest("a.b", "1.0.0");
        mf.getMainAttributes().putValue("Khidmat-Services", "services/");
        assertRefused(jar("empty.jar", mf, Map.of("services/readme.txt", new byte[] {1})),
                "bundle a.b 1.0.0 has invalid service descriptors: "
                        + "Khidmat-Services names folder services/ but it holds no .json descriptor");
    }

    @Test
    void headerNamingNothing() throws Exception {
        Manifest mf = manifest("a.b", "1.0.0");
        mf.getMainAttributes().putValue("Khidmat-Services", " , ");
        assertRefused(jar("nothing.jar", mf, Map.of()),
                "bundle a.b 1.0.0 has invalid service descriptors: Khidmat-Services header names no descriptor");
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private void assertRefused(Path jar, String message) {
        Refusal r = assertThrows(Refusal.class, () -> check.check(jar));
        assertEquals(message, r.getMessage());
    }

    private Path goodJar(String name) throws IOException {
        Manifest mf = manifest("a.b", "1.0.0");
        mf.getMainAttributes().putValue("Khidmat-Services", "services/ntn.json");
        return jar(name, mf, Map.of("services/ntn.json", descriptor("fbr.ntn")));
    }

    /** A bundle manifest; a null symbolic name or version leaves that header out. */
    private static Manifest manifest(String symbolicName, String version) {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        if (symbolicName != null) {
            a.putValue("Bundle-SymbolicName", symbolicName);
        }
        if (version != null) {
            a.putValue("Bundle-Version", version);
        }
        return mf;
    }

    /** Writes a jar with the manifest (none when null) and the entries in their map order. */
    private Path jar(String name, Manifest manifest, Map<String, byte[]> entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file);
                JarOutputStream jar = manifest == null ? new JarOutputStream(out) : new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new ZipEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
        return file;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** A small valid descriptor of agency fbr. */
    private static byte[] descriptor(String id) {
        return ("""
                {
                  "formatVersion": 1,
                  "id": "%s",
                  "version": 1,
                  "agency": { "code": "fbr", "name": { "en": "Federal Board of Revenue", "ur": "ایف بی آر" } },
                  "category": "tax",
                  "title": { "en": "Tax number", "ur": "ٹیکس نمبر" },
                  "summary": { "en": "A tax number.", "ur": "ٹیکس نمبر۔" },
                  "fees": [ { "id": "free", "title": { "en": "Free", "ur": "مفت" }, "amount": 0, "days": 1 } ],
                  "form": [ { "name": "fullName", "type": "text", "label": { "en": "Name", "ur": "نام" } } ],
                  "workflow": {
                    "initial": "open",
                    "states": [ { "id": "open", "label": { "en": "Open", "ur": "کھلی" } },
                                { "id": "done", "label": { "en": "Done", "ur": "مکمل" }, "terminal": true } ],
                    "transitions": [ { "from": "open", "to": "done", "label": { "en": "Issue", "ur": "جاری" } } ]
                  }
                }
                """).formatted(id).getBytes(StandardCharsets.UTF_8);
    }
}
