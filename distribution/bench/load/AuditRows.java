import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * The audit entries of generated applications, appended to the centre's chain as its store appends them: seq is
 * the last seq + 1, and each hash is HMAC-SHA256 under the centre's audit key ({@code data/audit.key}, hex) over the
 * length-prefixed fields (previous hash, seq, at, actor, action, subject, detail), as the store's AuditHash computes
 * it; a centre without a key (before schema 5) gets the plain SHA-256 it used then. This is the one place that knows the audit
 * table and its hash: when the store's audit chain changes (a keyed hash, a new schema), change this class only.
 * The filler appends an application's entries together, so their times are not in seq order as a live centre's
 * are; the chain's check asks only that each entry follows the one before.
 */
final class AuditRows implements AutoCloseable {
    private final PreparedStatement insert;
    private final MessageDigest sha256;
    private final javax.crypto.Mac hmac;
    private long seq;
    private String prevHash;

    AuditRows(Connection c, java.nio.file.Path keyFile) throws Exception {
        sha256 = MessageDigest.getInstance("SHA-256");
        if (java.nio.file.Files.isRegularFile(keyFile)) {
            hmac = javax.crypto.Mac.getInstance("HmacSHA256");
            hmac.init(new javax.crypto.spec.SecretKeySpec(HexFormat.of().parseHex(
                    java.nio.file.Files.readString(keyFile, StandardCharsets.US_ASCII).strip()), "HmacSHA256"));
        } else {
            hmac = null;
        }
        seq = 0;
        prevHash = "0".repeat(64);
        try (Statement s = c.createStatement();
                ResultSet last = s.executeQuery("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
            if (last.next()) {
                seq = last.getLong(1);
                prevHash = last.getString(2);
            }
        }
        insert = c.prepareStatement("INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** Appends one entry after the last. */
    void append(long at, String actor, String action, String subject, String detail) throws SQLException {
        seq++;
        sha256.reset();
        buffer.reset();
        field(prevHash);
        field(Long.toString(seq));
        field(Long.toString(at));
        field(actor);
        field(action);
        field(subject);
        field(detail);
        String hash = HexFormat.of().formatHex(hmac == null ? sha256.digest() : hmac.doFinal(buffer.toByteArray()));
        insert.setLong(1, seq);
        insert.setLong(2, at);
        insert.setString(3, actor);
        insert.setString(4, action);
        insert.setString(5, subject);
        insert.setString(6, detail);
        insert.setString(7, prevHash);
        insert.setString(8, hash);
        insert.executeUpdate();
        prevHash = hash;
    }

    private void field(String value) {
        if (value == null) {
            length(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        length(bytes.length);
        sha256.update(bytes);
        buffer.writeBytes(bytes);
    }

    private void length(int n) {
        byte[] b = {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
        sha256.update(b);
        buffer.writeBytes(b);
    }

    /** The encoded fields, for the HMAC. */
    private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(256);

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
