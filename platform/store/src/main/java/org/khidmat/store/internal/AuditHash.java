package org.khidmat.store.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The audit chain's hash: SHA-256, as lowercase hex, over an unambiguous encoding of an entry's fields.
 * Each field is written as its length in UTF-8 bytes (4 bytes, big-endian) followed by those bytes; a
 * {@code null} field is written as length -1 with no bytes, so {@code null} and {@code ""} differ and no two
 * different field lists encode the same. Fields, in order: previous hash, seq, at (epoch millis), actor,
 * action, subject, detail; seq and at as decimal text.
 */
final class AuditHash {
    /** The previous hash of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    static String of(String prevHash, long seq, long atMillis, String actor, String action, String subject,
            String detail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, prevHash);
        field(out, Long.toString(seq));
        field(out, Long.toString(atMillis));
        field(out, actor);
        field(out, action);
        field(out, subject);
        field(out, detail);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            length(out, -1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        length(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void length(ByteArrayOutputStream out, int length) {
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
    }
}
