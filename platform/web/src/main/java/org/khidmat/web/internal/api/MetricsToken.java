package org.khidmat.web.internal.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token a Prometheus server scrapes {@code /metrics} with: the file {@code conf/metrics.token}, created at
 * the first start with 32 random bytes, readable by the centre's user only (an operator copies it to the Prometheus
 * host, or points {@code credentials_file} at it). Replace the file's content and restart to change it. Compared in
 * constant time, through SHA-256, so neither the content nor the length leaks by timing.
 */
public final class MetricsToken {
    public static final String FILE = "metrics.token";
    private final byte[] digest;

    private MetricsToken(String token) {
        this.digest = sha256(token);
    }

    /** @return the token in {@code conf/}, made first if there is none */
    public static MetricsToken loadOrCreate(Path conf) throws IOException {
        Path file = conf.resolve(FILE);
        if (!Files.exists(file)) {
            Files.createDirectories(conf);
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException raced) {
                // made by another start in the same home: read it below
            } catch (UnsupportedOperationException noPosix) {
                Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
            }
        }
        String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (token.length() < 16) {
            throw new IOException("conf/" + FILE + " holds fewer than 16 characters; delete it and restart to make a new one");
        }
        return new MetricsToken(token);
    }

    /** @return whether {@code candidate} is the token, in time that depends on neither */
    boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(digest, sha256(candidate.strip()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
