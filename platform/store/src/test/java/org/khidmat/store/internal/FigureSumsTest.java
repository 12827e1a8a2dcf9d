package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.FigureFacts;
import org.khidmat.api.platform.FigureFacts.Group;
import org.khidmat.api.platform.Rating;
import org.khidmat.api.platform.StatusChange;

/**
 * The hourly sums and first moves that triggers keep give the facts that grouping the applications themselves gave,
 * for periods that start and end anywhere in an hour; and the migration's backfill gives the rows the triggers did.
 */
class FigureSumsTest {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    /** How the first moves were read from the histories before {@code figure_move}. */
    private static final String FIRST_MOVES_FROM_HISTORY = "SELECT a.reference, a.service_id, a.descriptor_version,"
            + " a.tier, h.to_state, MIN(h.id), h.at - a.created_at"
            + " FROM application a JOIN status_history h ON h.reference = a.reference"
            + " WHERE a.created_at >= ? AND a.created_at < ? AND h.from_state IS NOT NULL"
            + " GROUP BY a.reference, h.to_state";

    @TempDir
    Path dir;
    private SqliteDatabase db;
    private SqliteApplicationStore apps;
    private SqliteRatingStore ratings;

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(dir.resolve("k.db"));
        apps = new SqliteApplicationStore(db, TestChain.of(db));
        ratings = new SqliteRatingStore(db, TestChain.of(db));
        fill(new Random(16));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void periodsStartingAndEndingInsideAnHourGiveWhatTheApplicationsGive() {
        Random random = new Random(1616);
        for (int i = 0; i < 40; i++) {
            Instant from = START.plus(Duration.ofMinutes(random.nextInt(6 * 24 * 60)));
            Instant to = from.plus(Duration.ofMinutes(random.nextInt(i % 4 == 0 ? 50 : 4 * 24 * 60)));
            assertEquals(fromApplications(from, to), normalised(apps.figureFacts(from, to)), from + " to " + to);
        }
        FigureFacts all = apps.figureFacts(START, START.plus(Duration.ofDays(7)));
        assertTrue(all.groups().size() > 20 && all.firstMoves().size() > 200, all.groups().size() + " groups");
        assertEquals(fromApplications(START, START.plus(Duration.ofDays(7))), normalised(all));
    }

    @Test
    void theMigrationsBackfillGivesTheRowsTheTriggersKept() throws IOException {
        List<List<Object>> hours = rows("SELECT * FROM figure_hour ORDER BY 1, 2, 3, 4, 5");
        List<List<Object>> moves = rows("SELECT * FROM figure_move ORDER BY 1, 2");
        assertTrue(hours.size() > 100 && moves.size() > 200, hours.size() + " hours, " + moves.size() + " moves");
        List<String> backfill = Migrations.statements(script()).stream().filter(s -> s.startsWith("INSERT INTO figure_"))
                .toList();
        assertEquals(3, backfill.size());
        db.write("backfill again", c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM figure_hour");
                s.executeUpdate("DELETE FROM figure_move");
                for (String sql : backfill) {
                    s.executeUpdate(sql);
                }
            }
            return null;
        });
        assertEquals(hours, rows("SELECT * FROM figure_hour ORDER BY 1, 2, 3, 4, 5"));
        assertEquals(moves, rows("SELECT * FROM figure_move ORDER BY 1, 2"));
    }

    private void fill(Random random) {
        List<String> services = List.of("police.cert", "police.noc", "nadra.cnic");
        List<String> states = List.of("review", "returned", "done", "rejected");
        for (int i = 0; i < 300; i++) {
            String ref = "F" + i;
            String service = services.get(random.nextInt(services.size()));
            Instant at = START.plus(Duration.ofMinutes(random.nextInt(7 * 24 * 60))).plusMillis(random.nextInt(60_000));
            String tier = random.nextInt(5) == 0 ? null : random.nextBoolean() ? "normal" : "urgent";
            apps.create(new ApplicationRecord(ref, service, 1 + random.nextInt(2), service.substring(0, service.indexOf('.')),
                    "6110112345671", tier, Map.of(), "submitted", "none", at, at),
                    new StatusChange(ref, at, "citizen", null, "submitted", null));
            String state = "submitted";
            for (int m = random.nextInt(5); m > 0; m--) {
                at = at.plus(Duration.ofMinutes(1 + random.nextInt(3000)));
                String next = states.get(random.nextInt(states.size()));
                assertTrue(apps.move(new StatusChange(ref, at, "officer", state, next, null)));
                state = next;
            }
            if (random.nextInt(3) == 0) {
                String rated = random.nextInt(20) == 0 ? "nadra.other" : service;
                ratings.addIfAbsent(new Rating(ref, rated, "x", 1 + random.nextInt(5), null, at));
            }
        }
    }

    /** The facts by grouping the period's applications, ratings and histories, as the store read them before. */
    private List<Object> fromApplications(Instant from, Instant to) {
        return db.read("group the applications", null, c -> {
            List<Group> groups = new ArrayList<>();
            List<List<Object>> moves = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(SqliteApplicationStore.FIGURE_GROUPS)) {
                q.setLong(1, from.toEpochMilli());
                q.setLong(2, to.toEpochMilli());
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        groups.add(new Group(r.getString(1), r.getInt(2), r.getString(3), r.getString(4), r.getInt(5),
                                r.getInt(6), r.getLong(7)));
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement(FIRST_MOVES_FROM_HISTORY)) {
                q.setLong(1, from.toEpochMilli());
                q.setLong(2, to.toEpochMilli());
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        moves.add(Arrays.asList(r.getString(1), r.getString(2), r.getInt(3), r.getString(4), r.getString(5),
                                r.getLong(6), r.getLong(7)));
                    }
                }
            }
            return List.of(sorted(groups), sortedMoves(moves));
        });
    }

    private static List<Object> normalised(FigureFacts facts) {
        List<List<Object>> moves = new ArrayList<>();
        facts.firstMoves().forEach(m -> moves.add(Arrays.asList(m.reference(), m.serviceId(), m.descriptorVersion(),
                m.tier(), m.state(), m.order(), m.afterFiling().toMillis())));
        return List.of(sorted(facts.groups()), sortedMoves(moves));
    }

    private static List<List<Object>> sortedMoves(List<List<Object>> moves) {
        moves.sort(Comparator.comparing((List<Object> m) -> (String) m.get(0)).thenComparing(m -> (String) m.get(4)));
        return moves;
    }

    private static List<Group> sorted(List<Group> groups) {
        return groups.stream().sorted(Comparator.comparing(Group::serviceId).thenComparing(Group::descriptorVersion)
                .thenComparing(Group::tier, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Group::ratedServiceId, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
    }

    private List<List<Object>> rows(String sql) {
        return db.read("read rows", null, c -> {
            List<List<Object>> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.add(r.getObject(i));
                    }
                    out.add(row);
                }
            }
            return out;
        });
    }

    private static String script() throws IOException {
        try (InputStream in = Migrations.class.getResourceAsStream("V6__figures.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
