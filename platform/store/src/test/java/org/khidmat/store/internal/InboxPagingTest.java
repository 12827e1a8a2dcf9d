package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
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
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.InboxCursor;
import org.khidmat.api.platform.StatusChange;

/** Keyset pages of an inbox neither skip nor repeat an application, even while applications are filed. */
@ParameterizedClass
@EnumSource(Engine.class)
class InboxPagingTest {
    @Parameter
    Engine engine;

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private SqlApplicationStore store;
    private int filed;

    @BeforeEach
    void open() {
        db = engine.open(dir);
        store = new SqlApplicationStore(db, TestChain.of(db));
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
        assumeTrue(engine == Engine.SQLITE, "query plans are SQLite's (EXPLAIN QUERY PLAN)");
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

    /** Every filter the inbox offers, on a cursor or not, is read newest first from an index: no sort, no scan. */
    @Test
    void everyPageIsReadInOrderFromAnIndex() {
        assumeTrue(engine == Engine.SQLITE, "query plans are SQLite's (EXPLAIN QUERY PLAN)");
        for (int mask = 0; mask < 16; mask++) {
            boolean agency = (mask & 1) != 0;
            boolean service = (mask & 2) != 0;
            boolean status = (mask & 4) != 0;
            boolean after = (mask & 8) != 0;
            if (!agency && !service) {
                continue; // the inbox is always an agency's; the whole table is only listed by tests
            }
            String sql = SqlApplicationStore.pageSql(agency, service, status, after);
            String plan = db.read("explain", c -> {
                try (PreparedStatement q = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                    int i = 1;
                    for (boolean given : new boolean[] {agency, service, status}) {
                        if (given) {
                            q.setString(i++, "x");
                        }
                    }
                    if (after) {
                        q.setLong(i++, 1);
                        q.setString(i++, "x");
                    }
                    q.setInt(i, 10);
                    StringBuilder b = new StringBuilder();
                    try (ResultSet rows = q.executeQuery()) {
                        while (rows.next()) {
                            b.append(rows.getString(4)).append('\n');
                        }
                    }
                    return b.toString();
                }
            });
            String what = "agency " + agency + ", service " + service + ", status " + status + ", after " + after + ": " + plan;
            assertTrue(plan.contains("SEARCH application USING INDEX"), what);
            assertFalse(plan.contains("TEMP B-TREE"), "no sort of the whole inbox: " + what);
            assertFalse(plan.contains("SCAN"), what);
        }
    }

    /** One thread pages through an agency's inbox while another files applications, for that agency and another. */
    @Test
    void pagingWhileAnotherThreadFilesNeitherSkipsNorRepeats() throws Exception {
        for (int i = 0; i < 120; i++) {
            file("police", START.plus(Duration.ofMinutes(i - i / 4)));
        }
        List<String> before = references(store.list("police", null, null, 1000));
        java.util.concurrent.atomic.AtomicBoolean paging = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger filedMeanwhile = new java.util.concurrent.atomic.AtomicInteger();
        Thread filer = new Thread(() -> {
            for (int i = 0; paging.get() && i < 2000; i++) {
                file(i % 2 == 0 ? "police" : "nadra", START.plus(Duration.ofDays(30)).plusMillis(i / 3));
                filedMeanwhile.incrementAndGet();
            }
        }, "filer");
        filer.start();
        List<String> seen = new ArrayList<>();
        try {
            InboxCursor after = null;
            for (int page = 0; page < 100; page++) {
                if (page > 0) {
                    Thread.sleep(5);
                }
                List<ApplicationRecord> records = store.page("police", null, null, after, 7);
                seen.addAll(references(records));
                if (records.size() < 7) {
                    break;
                }
                after = InboxCursor.after(records.get(records.size() - 1));
            }
        } finally {
            paging.set(false);
            filer.join(30_000);
        }
        assertTrue(filedMeanwhile.get() > 0, "the other thread filed while paging");
        List<String> older = seen.stream().filter(before::contains).toList();
        assertEquals(before, older, "every application there when paging began, once each, newest first");
        assertEquals(seen.size(), new HashSet<>(seen).size(), "none twice");
    }

    private synchronized String nextReference() {
        return String.format("R%05d", filed++);
    }

    private void file(String agency, Instant at) {
        String ref = nextReference();
        store.create(new ApplicationRecord(ref, agency + ".svc", 1, agency, "6110112345671", "normal", Map.of(), "submitted",
                "none", at, at), new StatusChange(ref, at, "citizen", null, "submitted", null));
    }

    private static List<String> references(List<ApplicationRecord> records) {
        return records.stream().map(ApplicationRecord::reference).toList();
    }
}
