package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.InboxCursor;
import org.khidmat.api.platform.StatusChange;

/** Keyset pages of an inbox neither skip nor repeat an application, even while applications are filed. */
class InboxPagingTest {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path dir;
    private SqliteDatabase db;
    private SqliteApplicationStore store;
    private int filed;

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(dir.resolve("k.db"));
        store = new SqliteApplicationStore(db, TestChain.of(db));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void pagingWhileApplicationsAreFiledNeitherSkipsNorRepeats() {
        for (int i = 0; i < 95; i++) {
            // every third one shares its millisecond with the one before, so the reference breaks the tie
            file("police", START.plus(Duration.ofMinutes(i - i / 3)));
        }
        List<String> before = references(store.list("police", null, "submitted", 1000));
        List<String> seen = new ArrayList<>();
        InboxCursor after = null;
        for (int page = 0; page < 100; page++) {
            List<ApplicationRecord> records = store.page("police", null, "submitted", after, 10);
            seen.addAll(references(records));
            file("police", START.plus(Duration.ofDays(30 + page)));
            file("nadra", START.plus(Duration.ofMinutes(page)));
            if (records.size() < 10) {
                break;
            }
            after = InboxCursor.after(records.get(records.size() - 1));
        }
        assertEquals(before, seen, "every application there when paging began, once each, newest first");
        assertEquals(seen.size(), new HashSet<>(seen).size());
    }

    @Test
    void aCursorSurvivesItsTextAndAnEmptyPageEndsTheList() {
        file("police", START);
        ApplicationRecord only = store.page("police", null, null, null, 10).get(0);
        InboxCursor cursor = InboxCursor.parse(InboxCursor.after(only).toString());
        assertEquals(InboxCursor.after(only), cursor);
        assertEquals(List.of(), store.page("police", null, null, cursor, 10));
        assertFalse(cursor.precedes(only));
    }

    @Test
    void aFilteredPageIsReadThroughTheAgencyStatusCreatedIndex() {
        String plan = db.read("explain", c -> {
            try (PreparedStatement q = c.prepareStatement("EXPLAIN QUERY PLAN SELECT reference FROM application WHERE agency = ?"
                    + " AND status = ? AND (created_at, reference) < (?, ?) ORDER BY created_at DESC, reference DESC LIMIT 10")) {
                q.setString(1, "police");
                q.setString(2, "submitted");
                q.setLong(3, 1);
                q.setString(4, "x");
                StringBuilder b = new StringBuilder();
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        b.append(rows.getString(4)).append('\n');
                    }
                }
                return b.toString();
            }
        });
        assertTrue(plan.contains("application_agency_status_created"), plan);
        assertFalse(plan.contains("TEMP B-TREE"), "no sort of the whole inbox: " + plan);
    }

    private void file(String agency, Instant at) {
        String ref = String.format("R%05d", filed++);
        store.create(new ApplicationRecord(ref, agency + ".svc", 1, agency, "6110112345671", "normal", Map.of(), "submitted",
                "none", at, at), new StatusChange(ref, at, "citizen", null, "submitted", null));
    }

    private static List<String> references(List<ApplicationRecord> records) {
        return records.stream().map(ApplicationRecord::reference).toList();
    }
}
