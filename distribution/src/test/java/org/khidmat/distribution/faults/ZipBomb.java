package org.khidmat.distribution.faults;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A valid agency bundle with one more entry, {@code bomb.bin}: {@code inflated} bytes of zeros deflated to a few
 * hundred KB, whose declared size is then rewritten to 1,000 bytes in the local header, the data descriptor and the
 * central directory, so that a check trusting declared sizes sees a tiny jar.
 */
final class ZipBomb {
    static final String ENTRY = "bomb.bin";
    static final int DECLARED = 1_000;
    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int DESCRIPTOR = 0x08074b50;

    private ZipBomb() {
    }

    static byte[] build(byte[] validBundle, long inflated) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(validBundle));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            in.getManifest().write(zip);
            zip.closeEntry();
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(ENTRY));
            byte[] zeros = new byte[1 << 20];
            for (long left = inflated; left > 0; left -= zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
            zip.closeEntry();
        }
        return lie(out.toByteArray());
    }

    /** Rewrites the bomb entry's uncompressed size wherever the zip states it. */
    private static byte[] lie(byte[] zip) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = zip.length - 22;
        while (b.getInt(end) != END) {
            end--;
        }
        int entries = Short.toUnsignedInt(b.getShort(end + 10));
        int at = b.getInt(end + 16);
        int patched = 0;
        for (int i = 0; i < entries; i++) {
            if (b.getInt(at) != CENTRAL) {
                throw new IllegalStateException("no central directory entry at " + at);
            }
            int nameLength = Short.toUnsignedInt(b.getShort(at + 28));
            int extra = Short.toUnsignedInt(b.getShort(at + 30));
            int comment = Short.toUnsignedInt(b.getShort(at + 32));
            String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
            if (name.equals(ENTRY)) {
                long compressed = Integer.toUnsignedLong(b.getInt(at + 20));
                int local = b.getInt(at + 42);
                b.putInt(at + 24, DECLARED);
                if (b.getInt(local) != LOCAL) {
                    throw new IllegalStateException("no local header at " + local);
                }
                b.putInt(local + 22, DECLARED);
                int data = local + 30 + Short.toUnsignedInt(b.getShort(local + 26)) + Short.toUnsignedInt(b.getShort(local + 28));
                int descriptor = (int) (data + compressed);
                if (b.getInt(descriptor) == DESCRIPTOR) {
                    b.putInt(descriptor + 12, DECLARED);
                }
                patched++;
            }
            at += 46 + nameLength + extra + comment;
        }
        if (patched != 1) {
            throw new IllegalStateException("the bomb entry was not found in the central directory");
        }
        return zip;
    }
}
