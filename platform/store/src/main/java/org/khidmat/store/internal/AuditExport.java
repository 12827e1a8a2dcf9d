package org.khidmat.store.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import org.khidmat.api.store.AuditCheck;

/**
 * A verifiable export of the audit log: one JSON object per entry (the table's columns), then one line with the head
 * (seq and hash), the number of entries, when it was made, and an HMAC under the audit key over every line before
 * it and those fields. Kept away from the centre (with the operator, or printed), it lets a later check name the
 * first entry that was edited, deleted (also from the end) or re-chained since, which the database alone cannot
 * show for rows cut from the end or for a rewrite of the entries from before the chain was keyed.
 */
final class AuditExport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditExport() {
    }

    /** Writes the export of the log on {@code c}; one statement, so one consistent snapshot. */
    static AuditChain.Head write(Connection c, byte[] key, Writer out, Instant exportedAt) throws SQLException, IOException {
        Mac mac = AuditHash.hmac(key);
        long entries = 0;
        AuditChain.Head head = new AuditChain.Head(0, AuditHash.GENESIS);
        try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT " + AuditChain.COLUMNS + " FROM audit_log ORDER BY seq")) {
            while (rows.next()) {
                String line = JSON.writeValueAsString(row(rows));
                mac.update((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.write(line);
                out.write('\n');
                entries++;
                head = new AuditChain.Head(rows.getLong(1), rows.getString(8));
            }
        }
        Map<String, Object> trailer = new LinkedHashMap<>();
        trailer.put("head", Map.of("seq", head.seq(), "hash", head.hash()));
        trailer.put("entries", entries);
        trailer.put("exportedAt", exportedAt.toString());
        trailer.put("mac", HexFormat.of().formatHex(mac.doFinal(trailerFields(head.seq(), head.hash(), entries,
                exportedAt.toString()))));
        out.write(JSON.writeValueAsString(trailer));
        out.write('\n');
        out.flush();
        return head;
    }

    private static Map<String, Object> row(ResultSet rows) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("seq", rows.getLong(1));
        row.put("at", rows.getLong(2));
        row.put("actor", rows.getString(3));
        row.put("action", rows.getString(4));
        row.put("subject", rows.getString(5));
        row.put("detail", rows.getString(6));
        row.put("prev_hash", rows.getString(7));
        row.put("hash", rows.getString(8));
        // only when there is one: entries without keep the line they had in exports made before schema 8
        if (rows.getString(9) != null) {
            row.put("request_id", rows.getString(9));
        }
        return row;
    }

    private static byte[] trailerFields(long seq, String hash, long entries, String exportedAt) {
        return AuditHash.encode("audit export", Long.toString(seq), hash, Long.toString(entries), exportedAt);
    }

    /**
     * Checks the database's log, and that it still holds every entry of the export unchanged.
     *
     * @return the database's own check when the export's entries are all there; else the first entry of the export
     *         that is missing or different (or the database check's first broken entry, if earlier)
     */
    static AuditCheck verify(BufferedReader export, Connection c, byte[] key) throws SQLException, IOException {
        Mac mac = AuditHash.hmac(key);
        List<String> rows = new ArrayList<>();
        JsonNode trailer = null;
        for (String line = export.readLine(); line != null; line = export.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            if (node.has("mac")) {
                trailer = node;
                break;
            }
            mac.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            rows.add(line);
        }
        if (trailer == null) {
            return AuditCheck.of(false, 0, 0, "the export has no signed head line; it was cut short or is not an export");
        }
        String expected = HexFormat.of().formatHex(mac.doFinal(trailerFields(trailer.path("head").path("seq").asLong(),
                trailer.path("head").path("hash").asText(), trailer.path("entries").asLong(), trailer.path("exportedAt").asText())));
        if (!AuditHash.same(expected, trailer.path("mac").asText()) || rows.size() != trailer.path("entries").asLong()) {
            return AuditCheck.of(false, 0, 0, "the export is not signed with this centre's audit key (changed after it"
                    + " was made, or from another centre); it proves nothing");
        }
        AuditCheck own = AuditVerifier.verify(c, key);
        String when = trailer.path("exportedAt").asText();
        for (String row : rows) {
            long seq = JSON.readTree(row).path("seq").asLong();
            if (own.firstBroken() > 0 && own.firstBroken() <= seq) {
                return own;
            }
            String problem = compare(c, row, seq);
            if (problem != null) {
                return AuditCheck.of(false, own.entries(), seq, "audit log broken at entry " + seq + ": " + problem
                        + " since the export of " + when);
            }
        }
        if (!own.intact()) {
            return own;
        }
        return AuditCheck.of(true, own.entries(), 0, own.message() + "; it holds the export of " + when + " (head "
                + trailer.path("head").path("seq").asLong() + ") unchanged");
    }

    /** @return what is wrong with the exported line's entry in the database, or {@code null} when it is the same */
    private static String compare(Connection c, String line, long seq) throws SQLException, IOException {
        try (PreparedStatement query = c.prepareStatement("SELECT " + AuditChain.COLUMNS + " FROM audit_log WHERE seq = ?")) {
            query.setLong(1, seq);
            try (ResultSet found = query.executeQuery()) {
                if (!found.next()) {
                    return "it is missing from the database (deleted?)";
                }
                return JSON.writeValueAsString(row(found)).equals(line) ? null
                        : "it differs from the exported entry (edited or re-chained?)";
            }
        }
    }
}
