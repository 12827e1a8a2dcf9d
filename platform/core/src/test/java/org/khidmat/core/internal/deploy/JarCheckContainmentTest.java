package org.khidmat.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JarCheck} against jars made to hurt the centre: symbolic names and versions that are paths, control
 * characters meant for logs, and an entry that inflates to far more than it declares.
 */
class JarCheckContainmentTest {
    @TempDir
    Path dir;

    private final JarCheck check = new JarCheck(Limits.DEFAULT);

    @ParameterizedTest
    @ValueSource(strings = {"../../conf", "..", ".", "a/b", "a\\b", "/etc", "a..b", ".a", "a.", "a b", "a:b",
            "C:", "org.agency.pérmits", "a*", "a\u001b[2Jb"})
    void symbolicNamesOutsideTheGrammarAreRefused(String bsn) throws Exception {
        Refusal r = assertThrows(Refusal.class, () -> check.check(jar(bsn, "1.0.0")), bsn);
        assertTrue(r.getMessage().startsWith("the Bundle-SymbolicName '"), r.getMessage());
        assertTrue(r.getMessage().contains("is not a valid symbolic name"), r.getMessage());
        assertTrue(r.getMessage().chars().noneMatch(Character::isISOControl), "no control character reaches the verdict");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("bundle.jar"), left.map(p -> p.getFileName().toString()).toList(), "nothing made beside");
        }
    }

    @Test
    void aSymbolicNameLongerThanTheBoundIsRefused() throws Exception {
        String name = "a".repeat(ManifestSyntax.MAX_SYMBOLIC_NAME + 1);
        assertThrows(Refusal.class, () -> check.check(jar(name, "1.0.0")));
        assertEquals(name.substring(1), check.check(jar(name.substring(1), "1.0.0")).symbolicName());
    }

    @Test
    void goodNamesWithDirectivesPass() throws Exception {
        assertEquals("org.agency-x.permits_2", check.check(jar("org.agency-x.permits_2;singleton:=true", "1.0.0")).symbolicName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0.../../x", "1.0.0.a/b", "1.0.0.\u001b", "1.0.0.", "01.x", "1.0.0.a b", "-1"})
    void versionsOutsideTheGrammarAreRefused(String version) throws Exception {
        Refusal r = assertThrows(Refusal.class, () -> check.check(jar("a.b", version)), version);
        assertTrue(r.getMessage().startsWith("bundle a.b has an invalid Bundle-Version")
                || r.getMessage().startsWith("the manifest header"), r.getMessage());
        assertTrue(r.getMessage().chars().noneMatch(Character::isISOControl), r.getMessage());
    }

    @Test
    void controlCharactersInAnyHeaderAreRefused() throws Exception {
        Manifest mf = manifest("a.b", "1.0.0");
        mf.getMainAttributes().putValue("Import-Package", "org.khidmat.api\u001b[31m");
        Path jar = write(mf, List.of());
        Refusal r = assertThrows(Refusal.class, () -> check.check(jar));
        assertEquals("the manifest header Import-Package holds a control character (code 27); remove it and build the "
                + "bundle again", r.getMessage());
    }

    @Test
    void entryNamesWithControlCharactersAreRefusedAndNotEchoed() throws Exception {
        Path jar = write(manifest("a.b", "1.0.0"), List.of(new Entry("x\u001b[2J.txt", new byte[] {1})));
        Refusal r = assertThrows(Refusal.class, () -> check.check(jar));
        assertTrue(r.getMessage().startsWith("the jar has an entry with an unsafe path 'x?[2J.txt'"), r.getMessage());
    }

    /** A jar of 1.3 kB whose entry claims 1,000 bytes and inflates to 5 MB: counted by inflating, refused. */
    @Test
    void anEntryThatLiesAboutItsSizeIsCountedByWhatItInflatesTo() throws Exception {
        JarCheck small = new JarCheck(new Limits(1 << 20, 100, 1 << 20, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        byte[] zeros = new byte[5 << 20];
        Path jar = write(manifest("a.b", "1.0.0"), List.of(new Entry("lib/nested.jar", zeros)));
        byte[] bytes = Files.readAllBytes(jar);
        int patched = declareSize(bytes, "lib/nested.jar", 1_000);
        assertEquals(2, patched, "local header and central directory both declare 1,000 bytes");
        Files.write(jar, bytes);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            assertEquals(1_000, zip.getEntry("lib/nested.jar").getSize(), "the jar lies as intended");
        }
        assertTrue(Files.size(jar) < 20_000, "small on disk: " + Files.size(jar));

        Refusal r = assertThrows(Refusal.class, () -> small.check(jar));
        assertTrue(r.getMessage().startsWith("the jar expands to more than 1048576 bytes"), r.getMessage());
        assertTrue(r.getMessage().contains("lib/nested.jar"), r.getMessage());
    }

    @Test
    void aJarHonestAboutExpandingTooMuchIsRefusedWithoutInflating() throws Exception {
        JarCheck small = new JarCheck(new Limits(1 << 20, 100, 1 << 20, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        Path jar = write(manifest("a.b", "1.0.0"), List.of(new Entry("lib/nested.jar", new byte[(1 << 20) + 1])));
        Refusal r = assertThrows(Refusal.class, () -> small.check(jar));
        assertEquals("the jar expands to more than 1048576 bytes", r.getMessage(), "by the declared sizes, no entry named");
    }

    @Test
    void honestJarsWithinTheCapPass() throws Exception {
        JarCheck small = new JarCheck(new Limits(1 << 20, 100, 1 << 20, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        Path jar = write(manifest("a.b", "1.0.0"), List.of(new Entry("lib/nested.jar", new byte[1 << 19])));
        assertEquals("a.b", small.check(jar).symbolicName());
    }

    @Test
    void aFileThatBeginsLikeAZipMayBeAJarStillBeingCopied() throws Exception {
        Path jar = jar("a.b", "1.0.0");
        byte[] bytes = Files.readAllBytes(jar);
        Path half = Files.write(dir.resolve("half.jar"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(JarCheck.startsLikeZip(half));
        assertTrue(!JarCheck.isCompleteZip(half), "half a jar is not complete: the folder waits for it");
        assertTrue(JarCheck.startsLikeZip(Files.write(dir.resolve("short.jar"), new byte[] {'P'})), "too short to tell");
        assertTrue(!JarCheck.startsLikeZip(Files.writeString(dir.resolve("text.jar"), "not a zip")), "can never become a jar");
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private record Entry(String name, byte[] content) {
    }

    private Path jar(String bsn, String version) throws IOException {
        return write(manifest(bsn, version), List.of());
    }

    private static Manifest manifest(String bsn, String version) {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", version);
        return mf;
    }

    /** Writes deflated entries with their sizes in the local headers (no data descriptors), so they can be patched. */
    private Path write(Manifest mf, List<Entry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, mf)) {
            for (Entry e : entries) {
                ZipEntry z = new ZipEntry(e.name());
                CRC32 crc = new CRC32();
                crc.update(e.content());
                z.setSize(e.content().length);
                z.setCrc(crc.getValue());
                z.setCompressedSize(deflatedSize(e.content()));
                jar.putNextEntry(z);
                jar.write(e.content());
                jar.closeEntry();
            }
        }
        return Files.write(dir.resolve("bundle.jar"), out.toByteArray());
    }

    private static long deflatedSize(byte[] content) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(content);
        d.finish();
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        while (!d.finished()) {
            n += d.deflate(buf);
        }
        d.end();
        return n;
    }

    /** Sets the uncompressed size the local header and the central directory declare for one entry. */
    private static int declareSize(byte[] zip, String name, int size) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        int patched = 0;
        for (int i = 0; i + 46 < zip.length; i++) {
            int sig = b.getInt(i);
            int nameAt = sig == 0x04034b50 ? i + 30 : sig == 0x02014b50 ? i + 46 : -1;
            if (nameAt < 0) {
                continue;
            }
            int nameLength = Short.toUnsignedInt(b.getShort(sig == 0x04034b50 ? i + 26 : i + 28));
            if (nameLength == wanted.length && nameAt + nameLength <= zip.length
                    && java.util.Arrays.equals(zip, nameAt, nameAt + nameLength, wanted, 0, wanted.length)) {
                b.putInt(sig == 0x04034b50 ? i + 22 : i + 24, size);
                patched++;
            }
        }
        return patched;
    }
}
