package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.khidmat.api.store.AuditCheck;

/**
 * Checks an audit log on a connection: entries up to the signed anchor by their plain SHA-256 chain, and that the
 * last of them is the one the anchor recorded; later entries by their HMAC under the key, so an entry edited,
 * deleted or re-chained without the key is named. Then that every stored application has its
 * {@code application.submit} entry. Rows deleted from the end need an outside head to be noticed: the log's
 * published heads, or an {@link AuditExport}.
 */
final class AuditVerifier {
    /** How many unaudited references a check names; the message gives the count. */
    static final int NAMED = 10;

    private AuditVerifier() {
    }

    static AuditCheck verify(Connection c, byte[] key) throws SQLException {
        AuditChain.Anchor anchor = AuditChain.anchor(c);
        if (anchor == null) {
            return broken(0, 1, "the anchor of the keyed chain (table audit_anchor) is missing; the database was changed"
                    + " outside the centre");
        }
        if (!anchor.signedWith(key)) {
            return broken(0, Math.max(1, anchor.seq()), "the anchor of the keyed chain (entry " + anchor.seq()
                    + ") is not signed with this centre's audit key; the database was changed outside the centre,"
                    + " or the key is not this database's");
        }
        Walk walk = walk(c, key, anchor, new AuditChain.Head(0, AuditHash.GENESIS));
        if (walk.broken() != null) {
            return walk.broken();
        }
        if (walk.head().seq() < anchor.seq()) {
            return broken(walk.checked(), walk.head().seq() + 1, "entries " + (walk.head().seq() + 1) + " to "
                    + anchor.seq() + " are missing (deleted?); the anchor records " + anchor.seq()
                    + " entries before the chain was keyed");
        }
        return unaudited(c, walk.checked(), walk.head());
    }

    /**
     * Checks the keyed entries from {@code seq} on (see {@code AuditLog.verifyFrom}); from the plain chain or the
     * first entry, the whole log.
     */
    static AuditCheck verifyFrom(Connection c, byte[] key, long seq) throws SQLException {
        AuditChain.Anchor anchor = AuditChain.anchor(c);
        if (anchor == null || !anchor.signedWith(key) || seq <= anchor.seq() + 1) {
            return verify(c, key);
        }
        AuditChain.Head before = null;
        try (PreparedStatement query = c.prepareStatement("SELECT seq, hash FROM audit_log WHERE seq = ?")) {
            query.setLong(1, seq - 1);
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    before = new AuditChain.Head(row.getLong(1), row.getString(2));
                }
            }
        }
        if (before == null) {
            return broken(0, seq - 1, "entry " + (seq - 1) + ", checked before, is missing (deleted?)");
        }
        Walk walk = walk(c, key, anchor, before);
        if (walk.broken() != null) {
            return walk.broken();
        }
        return AuditCheck.of(true, walk.checked(), 0, "audit log intact from entry " + seq + ": " + walk.checked()
                + " entries checked, head " + walk.head().seq() + " " + walk.head().hash());
    }

    /** Where a walk along the chain ended: the last good entry, how many it checked, and the break if it found one. */
    private record Walk(AuditChain.Head head, long checked, AuditCheck broken) {
    }

    /** Walks the entries after {@code from}, each checked against its content and its predecessor. */
    private static Walk walk(Connection c, byte[] key, AuditChain.Anchor anchor, AuditChain.Head from)
            throws SQLException {
        long checked = 0;
        long previousSeq = from.seq();
        String previousHash = from.hash();
        // one keyed Mac for the walk (doFinal resets it): getting and keying one an entry was most of the audit
        // watch's time, which checks every entry once, so a share of every filing's (issue 16)
        javax.crypto.Mac mac = AuditHash.hmac(key);
        try (PreparedStatement query = c.prepareStatement(
                "SELECT " + AuditChain.COLUMNS + " FROM audit_log WHERE seq > ? ORDER BY seq")) {
            query.setLong(1, from.seq());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    checked++;
                    long seq = rows.getLong(1);
                    String prevHash = rows.getString(7);
                    String hash = rows.getString(8);
                    String expected = seq <= anchor.seq()
                            ? AuditHash.of(prevHash, seq, rows.getLong(2), rows.getString(3), rows.getString(4),
                                    rows.getString(5), rows.getString(6))
                            : AuditHash.keyed(mac, prevHash, seq, rows.getLong(2), rows.getString(3), rows.getString(4),
                                    rows.getString(5), rows.getString(6), rows.getString(9));
                    if (!AuditHash.same(expected, hash)) {
                        return new Walk(null, checked, broken(checked, seq, "its content does not match its "
                                + (seq <= anchor.seq() ? "hash (edited?)" : "keyed hash (edited, or re-chained without the key?)")));
                    }
                    if (seq != previousSeq + 1 || !AuditHash.same(previousHash, prevHash)) {
                        return new Walk(null, checked, broken(checked, seq, "entry " + (seq - 1)
                                + " is missing or changed (deleted?)"));
                    }
                    if (seq == anchor.seq() && !AuditHash.same(hash, anchor.hash())) {
                        return new Walk(null, checked, broken(checked, seq, "entries up to " + seq + " were rewritten:"
                                + " the anchor recorded another hash for it when the chain was keyed (compare with an"
                                + " export to find the first)"));
                    }
                    previousSeq = seq;
                    previousHash = hash;
                }
            }
        }
        return new Walk(new AuditChain.Head(previousSeq, previousHash), checked, null);
    }

    private static AuditCheck unaudited(Connection c, long checked, AuditChain.Head head) throws SQLException {
        List<String> references = new ArrayList<>();
        long count = 0;
        try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT a.reference FROM application a WHERE NOT EXISTS (SELECT 1 FROM audit_log l"
                        + " WHERE l.subject = a.reference AND l.action = 'application.submit') ORDER BY a.created_at")) {
            while (rows.next()) {
                if (count++ < NAMED) {
                    references.add(rows.getString(1));
                }
            }
        }
        if (count > 0) {
            return AuditCheck.of(false, checked, 0, "audit log chain intact (" + checked + " entries) but " + count
                    + " stored application" + (count == 1 ? " has" : "s have") + " no application.submit entry: "
                    + String.join(", ", references) + (count > NAMED ? ", ..." : ""), references);
        }
        return AuditCheck.of(true, checked, 0, "audit log intact: " + checked + " entries, head " + head.seq() + " "
                + head.hash());
    }

    static AuditCheck broken(long checked, long seq, String why) {
        return AuditCheck.of(false, checked, seq, "audit log broken at entry " + seq + ": " + why);
    }
}
