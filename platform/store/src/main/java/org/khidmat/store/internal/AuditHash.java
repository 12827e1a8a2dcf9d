package org.khidmat.store.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The audit chain's hashes, as lowercase hex, over an unambiguous encoding of an entry's fields. Each field is
 * written as its length in UTF-8 bytes (4 bytes, big-endian) followed by those bytes; a {@code null} field is
 * written as length -1 with no bytes, so {@code null} and {@code ""} differ and no two different field lists encode
 * the same. Entry fields, in order: previous hash, seq, at (epoch millis), actor, action, subject, detail; seq and at
 * as decimal text. Entries written before the chain was keyed use plain SHA-256 ({@link #of}); later ones
 * HMAC-SHA256 with the centre's audit key ({@link #keyed}).
 */
final class AuditHash {
    /** The previous hash of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    /** The plain SHA-256 of an entry, as written before the chain was keyed. */
    static String of(String prevHash, long seq, long atMillis, String actor, String action, String subject,
            String detail) {
        byte[] bytes = encode(prevHash, Long.toString(seq), Long.toString(atMillis), actor, action, subject, detail);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** The HMAC-SHA256 of an entry under the audit key, written outside a request. */
    static String keyed(byte[] key, String prevHash, long seq, long atMillis, String actor, String action,
            String subject, String detail) {
        return keyed(key, prevHash, seq, atMillis, actor, action, subject, detail, null);
    }

    /**
     * The HMAC-SHA256 of an entry under the audit key. An entry written for an HTTP request has its request id as an
     * eighth field; one without (outside a request, or written before schema 8) has the seven fields it always had,
     * so older entries verify unchanged, and removing or changing an id breaks the entry's hash.
     */
    static String keyed(byte[] key, String prevHash, long seq, long atMillis, String actor, String action,
            String subject, String detail, String requestId) {
        return keyed(hmac(key), prevHash, seq, atMillis, actor, action, subject, detail, requestId);
    }

    /** The same with a Mac already keyed (the writer keeps one: getting and keying one was a fifth of its Java time). */
    static String keyed(Mac mac, String prevHash, long seq, long atMillis, String actor, String action,
            String subject, String detail, String requestId) {
        byte[] bytes = requestId == null
                ? encode(prevHash, Long.toString(seq), Long.toString(atMillis), actor, action, subject, detail)
                : encode(prevHash, Long.toString(seq), Long.toString(atMillis), actor, action, subject, detail, requestId);
        return HexFormat.of().formatHex(mac.doFinal(bytes));
    }

    /** The HMAC-SHA256 under the audit key of any fields, encoded as entries are (the anchor, an export's head). */
    static String mac(byte[] key, String... fields) {
        Mac mac = hmac(key);
        return HexFormat.of().formatHex(mac.doFinal(encode(fields)));
    }

    /** @return a fresh HMAC-SHA256 under the key, for data fed in pieces */
    static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no HmacSHA256", e);
        }
    }

    /** Compares two hex hashes in time that does not depend on where they differ. */
    static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] encode(String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        for (String value : fields) {
            if (value == null) {
                length(out, -1);
                continue;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            length(out, bytes.length);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static void length(ByteArrayOutputStream out, int length) {
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
    }
}
