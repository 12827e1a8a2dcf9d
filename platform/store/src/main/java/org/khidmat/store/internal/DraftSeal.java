package org.khidmat.store.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.khidmat.api.store.StoredDraft;

/**
 * How a draft is kept at rest: the row's key is the SHA-256 of the cookie's id, and the body is AES-256-GCM under a key
 * derived from the id (HMAC-SHA256 of a fixed label, keyed by the id), with the row's key as associated data, so a
 * body moved to another row does not open. Only the citizen's cookie opens a draft; the database alone reads nothing.
 * Body: one version byte, a 12-byte random nonce, then the sealed JSON.
 */
final class DraftSeal {
    /** Ids shorter than this are refused: the id is the whole secret. */
    static final int SHORTEST_ID = 16;
    private static final byte VERSION = 1;
    private static final byte[] LABEL = "khidmat draft body v1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private DraftSeal() {
    }

    /** @return the SHA-256 (hex) of a draft's id: the row's key */
    static String keyHash(String id) {
        return sha256(checked(id));
    }

    /** @return the SHA-256 (hex) of a client address: what the per-address count is kept by */
    static String addressHash(String address) {
        return sha256("address:" + address);
    }

    /** @return the draft's content sealed under its id */
    static byte[] seal(String id, StoredDraft draft) {
        byte[] plain = json(draft);
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, id, nonce);
            byte[] sealed = c.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java cannot seal a draft with AES-GCM", e);
        }
    }

    /** @return the draft a body holds; {@link IllegalStateException} when it does not open under this id */
    static StoredDraft open(String id, byte[] body) {
        if (body == null || body.length < 1 + NONCE || body[0] != VERSION) {
            throw new IllegalStateException("a stored draft has a body of an unknown kind");
        }
        byte[] nonce = java.util.Arrays.copyOfRange(body, 1, 1 + NONCE);
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, id, nonce);
            return draft(c.doFinal(body, 1 + NONCE, body.length - 1 - NONCE));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored draft does not open under its id"); // no cause: no detail leaks
        }
    }

    private static Cipher cipher(int mode, String id, byte[] nonce) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(checked(id).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] key = mac.doFinal(LABEL);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(keyHash(id).getBytes(StandardCharsets.US_ASCII));
        return c;
    }

    private static byte[] json(StoredDraft d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("s", d.serviceId());
        o.put("t", d.tier());
        ObjectNode answers = o.putObject("a");
        d.answers().forEach(answers::put);
        o.put("r", d.reference());
        o.put("k", d.tokenId());
        o.put("n", d.tokenNumber());
        o.put("o", d.operator());
        try {
            return JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new IllegalArgumentException("a draft cannot be written as JSON");
        }
    }

    private static StoredDraft draft(byte[] json) {
        try {
            JsonNode o = JSON.readTree(json);
            Map<String, String> answers = new LinkedHashMap<>();
            o.get("a").fields().forEachRemaining(e -> answers.put(e.getKey(), e.getValue().asText()));
            return StoredDraft.of(o.get("s").asText()).withTier(text(o, "t")).withAnswers(answers)
                    .withReference(text(o, "r")).withToken(o.path("k").asLong(), text(o, "n"), text(o, "o"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("a stored draft's body is not a draft"); // the message may quote answers
        }
    }

    private static String text(JsonNode o, String name) {
        JsonNode v = o.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String checked(String id) {
        if (id == null || id.length() < SHORTEST_ID) {
            throw new IllegalArgumentException("a draft's id must be at least " + SHORTEST_ID + " random characters");
        }
        return id;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
