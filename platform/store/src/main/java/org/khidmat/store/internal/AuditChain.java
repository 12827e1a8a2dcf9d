package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.khidmat.api.store.AuditEntry;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.platform.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keyed audit chain, worked inside a transaction someone else opened: {@link #append} computes the next
 * entry from the last one on the same connection, so a store method writes its change and the entry in one
 * transaction, and a later group commit can append many entries in one. Every {@link #HEAD_EVERY}th entry, and at
 * start and stop, the head (seq and hash) is published in the log, where a later rewrite of the database cannot
 * reach it.
 */
public final class AuditChain {
    private static final Logger LOG = LoggerFactory.getLogger(AuditChain.class);
    static final String COLUMNS = "seq, at, actor, action, subject, detail, prev_hash, hash, request_id";
    /** How often the head is published in the log, in entries. */
    static final long HEAD_EVERY = 100;

    /** The last entry: seq 0 and the genesis hash for an empty log. */
    record Head(long seq, String hash) {
    }

    /** The last plain entry, that the first keyed entry chains onto, with its signature under the key. */
    record Anchor(long seq, String hash, String mac) {
        boolean signedWith(byte[] key) {
            return mac != null && AuditHash.same(mac, sign(key, seq, hash));
        }
    }

    private static final String HEAD = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";

    /** A head and the transaction it is the head in. */
    private record Known(Object transaction, Head head) {
    }

    private final Database database;
    /**
     * The head this chain appended last, and in which transaction: the next entry of the same transaction chains onto
     * it without reading the log (a group commit appends many entries in one). Another transaction reads the head.
     */
    private volatile Known known;
    private final byte[] key;
    private final Clock clock;
    /** A keyed HMAC per thread (the writer's, in practice), reset by each use. */
    private final ThreadLocal<javax.crypto.Mac> macs;

    AuditChain(Database database, byte[] key, Clock clock) {
        this.database = database;
        this.key = key.clone();
        this.clock = clock;
        byte[] own = this.key;
        this.macs = ThreadLocal.withInitial(() -> AuditHash.hmac(own));
    }

    byte[] key() {
        return key.clone();
    }

    /**
     * Appends an entry on a connection in a transaction; call from inside {@link Database#write}. The head is read
     * under {@link Dialect.Lock#AUDIT_HEAD}, held to the commit, so two writers on two connections (or two nodes)
     * never chain onto the same entry; within one transaction of a group writer (SQLite's, or PostgreSQL's for
     * filings) it is locked and read once ({@link Database#transaction()}).
     */
    AuditEntry append(Connection c, AuditNote note) throws SQLException {
        Objects.requireNonNull(note, "audit note");
        Object transaction = database.transaction();
        Head last = knownHead(transaction);
        if (last == null) {
            database.beforeAuditHeadLock();
            database.dialect().lock(c, Dialect.Lock.AUDIT_HEAD); // PostgreSQL: no other node or connection chains onto this head
            last = head(c);
        }
        AuditEntry entry;
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            entry = bind(insert, last, note, RequestTag.current());
            insert.executeUpdate();
        }
        appended(transaction, entry);
        return entry;
    }

    /**
     * Appends entries, in order, as {@link #append} would one after another, in two round trips on PostgreSQL: the
     * head's lock with the head's read (one request of two statements: the read's snapshot is taken once the lock is
     * held), then every entry in one batch. For a group of filings, as the last thing before its commit.
     *
     * @param requestIds each entry's request id, or {@code null} in it for none
     */
    List<AuditEntry> appendAll(Connection c, List<AuditNote> notes, List<String> requestIds) throws SQLException {
        if (notes.size() != requestIds.size()) {
            throw new IllegalArgumentException(notes.size() + " audit notes but " + requestIds.size() + " request ids");
        }
        Object transaction = database.transaction();
        Head last = knownHead(transaction);
        if (last == null) {
            database.beforeAuditHeadLock();
            last = lockedHead(c);
        }
        List<AuditEntry> entries = new ArrayList<>(notes.size());
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (int i = 0; i < notes.size(); i++) {
                AuditEntry entry = bind(insert, last, Objects.requireNonNull(notes.get(i), "audit note"), requestIds.get(i));
                insert.addBatch();
                entries.add(entry);
                last = new Head(entry.seq(), entry.hash());
            }
            insert.executeBatch();
        }
        entries.forEach(e -> appended(transaction, e));
        return entries;
    }

    private static final String INSERT = "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** @return the head this transaction holds the lock of and appended last, or {@code null} to lock and read it */
    private Head knownHead(Object transaction) {
        Known known = this.known;
        // this transaction took the head's lock already: it holds it to its end
        return transaction != null && known != null && known.transaction() == transaction ? known.head() : null;
    }

    /** @return the head, read under its lock, taken first: in one round trip on PostgreSQL */
    private Head lockedHead(Connection c) throws SQLException {
        if (database.dialect() != Dialect.POSTGRESQL) {
            database.dialect().lock(c, Dialect.Lock.AUDIT_HEAD);
            return head(c);
        }
        // two statements in one request: READ COMMITTED takes the SELECT's snapshot when it starts, after the lock
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?); " + HEAD)) {
            s.setLong(1, Dialect.Lock.AUDIT_HEAD.key);
            s.execute();
            if (!s.getMoreResults()) {
                throw new SQLException("the audit head's read after its lock answered no rows");
            }
            try (ResultSet last = s.getResultSet()) {
                return last.next() ? new Head(last.getLong(1), last.getString(2)) : new Head(0, AuditHash.GENESIS);
            }
        }
    }

    /** Binds the entry that chains onto {@code last} to {@link #INSERT}. @return the entry */
    private AuditEntry bind(PreparedStatement insert, Head last, AuditNote note, String requestId) throws SQLException {
        long seq = last.seq() + 1;
        long at = clock.millis();
        String hash = AuditHash.keyed(macs.get(), last.hash(), seq, at, note.actor(), note.action(), note.subject(),
                note.detail(), requestId);
        insert.setLong(1, seq);
        insert.setLong(2, at);
        insert.setString(3, note.actor());
        insert.setString(4, note.action());
        insert.setString(5, note.subject());
        insert.setString(6, note.detail());
        insert.setString(7, last.hash());
        insert.setString(8, hash);
        insert.setString(9, requestId);
        return AuditEntry.of(seq, Instant.ofEpochMilli(at), note.actor(), note.action(), note.subject(), note.detail(), hash);
    }

    /** Keeps the entry as this transaction's head, and has every {@link #HEAD_EVERY}th published after the commit. */
    private void appended(Object transaction, AuditEntry entry) {
        Head head = new Head(entry.seq(), entry.hash());
        if (transaction != null) {
            // a write outside any group leaves it: the group it names still holds the head's lock, so its head holds
            this.known = new Known(transaction, head);
        }
        if (head.seq() % HEAD_EVERY == 0) {
            database.afterCommit(() -> publish("every " + HEAD_EVERY + " entries", head));
        }
    }

    /** @return the last entry of the log on this connection */
    static Head head(Connection c) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(HEAD);
                ResultSet last = statement.executeQuery()) {
            return last.next() ? new Head(last.getLong(1), last.getString(2)) : new Head(0, AuditHash.GENESIS);
        }
    }

    /** Reads the head and writes it to the log, for an operator's records and a later comparison. */
    void publish(String when) {
        publish(when, database.read("read the audit chain's head", AuditChain::head));
    }

    private static void publish(String when, Head head) {
        LOG.info("Audit chain head ({}): seq {} hash {}", when, head.seq(), head.hash());
    }

    /** @return the anchor, or {@code null} when its row is missing */
    /** @return whether the log is as a new database has it: an anchor at entry 0 and no entry, no application */
    private static boolean unwritten(Connection c, Anchor anchor) throws SQLException {
        if (anchor.seq() != 0 || !AuditHash.GENESIS.equals(anchor.hash())) {
            return false;
        }
        try (Statement statement = c.createStatement(); ResultSet row = statement.executeQuery(
                "SELECT (SELECT COUNT(*) FROM audit_log) + (SELECT COUNT(*) FROM application)")) {
            return row.next() && row.getLong(1) == 0;
        }
    }

    static Anchor anchor(Connection c) throws SQLException {
        try (Statement statement = c.createStatement(); ResultSet row = statement.executeQuery(
                "SELECT last_plain_seq, last_plain_hash, mac FROM audit_anchor WHERE id = 1")) {
            return row.next() ? new Anchor(row.getLong(1), row.getString(2), row.getString(3)) : null;
        }
    }

    static String sign(byte[] key, long seq, String hash) {
        return AuditHash.mac(key, "audit anchor", Long.toString(seq), hash);
    }

    /**
     * Signs the anchor the migration recorded, when it is unsigned and either the key was created at this start (the
     * first start after the upgrade, or of a new centre) or nothing was ever written to the database's log (a key put
     * in place before the first start: one key handed to every node over one PostgreSQL). An unsigned anchor behind
     * written entries with an older key is left for the check to report: someone replaced it.
     */
    void signAnchor(boolean keyCreated) {
        database.write("sign the audit chain's anchor", c -> {
            Anchor anchor = anchor(c);
            if (anchor == null) {
                throw new StoreException("the audit chain's anchor (table audit_anchor) is missing; the database was"
                        + " changed outside the centre: restore a backup", null);
            }
            if (anchor.mac() == null && (keyCreated || unwritten(c, anchor))) {
                // two nodes with one key starting together sign the same value; the anchor is written once
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE audit_anchor SET mac = ? WHERE id = 1 AND mac IS NULL")) {
                    update.setString(1, sign(key, anchor.seq(), anchor.hash()));
                    update.executeUpdate();
                }
                LOG.info("Audit chain keyed from entry {} on; entries 1 to {} keep their plain SHA-256 chain (last hash {})",
                        anchor.seq() + 1, anchor.seq(), anchor.hash());
            } else if (anchor.mac() == null) {
                LOG.warn("The audit chain's anchor is not signed although the key {} existed before; the check will"
                        + " report the log as broken", AuditKey.FILE_NAME);
            }
            return null;
        });
    }

    /**
     * Refuses to go on when the anchor is signed with another key: on PostgreSQL every node of the centre writes the
     * one chain, so every node needs the key the first one created; a node with a key of its own would chain entries
     * no check can verify.
     */
    void requireSignedWithThisKey(java.nio.file.Path keyFile) {
        Anchor anchor = database.read("read the audit chain's anchor", AuditChain::anchor);
        if (anchor != null && anchor.mac() != null && !anchor.signedWith(key)) {
            throw new StoreException("the audit chain in " + database.describe() + " is signed with another audit key"
                    + " than " + keyFile + "; every node over one database needs the same key: copy "
                    + AuditKey.FILE_NAME + " from the node that started first (owner-only) and start again", null);
        }
    }
}
