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
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.store.FigureFacts;
import org.khidmat.api.store.FigureFacts.Group;
import org.khidmat.api.platform.Rating;
import org.khidmat.api.platform.StatusChange;

/**
 * The daily sums that triggers keep give the facts that grouping the applications themselves gives, for whole days
 * and for periods that start and end anywhere in a day; the migration's backfill gives the rows the triggers did; the
 * spans of time are the same in Java and in SQL.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class FigureDaysTest {
    @Parameter
    Engine engine;

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    /** The start of 2026-03-01 in Pakistan (UTC+5). */
    private static final Instant KARACHI_DAY = Instant.parse("2026-02-28T19:00:00Z");
    /** How the first moves were read from the histories before {@code figure_move}. */
    /** Each application's first move into each state: the history row with the lowest id (SQL both engines read). */
    private static final String FIRST_MOVES_FROM_HISTORY = "SELECT a.reference, a.service_id, a.descriptor_version,"
            + " a.tier, h.to_state, h.id, h.at - a.created_at"
            + " FROM application a JOIN status_history h ON h.reference = a.reference"
            + " WHERE a.created_at >= ? AND a.created_at < ? AND h.id = (SELECT MIN(f.id) FROM status_history f"
            + " WHERE f.reference = h.reference AND f.to_state = h.to_state AND f.from_state IS NOT NULL)";

    @TempDir
    Path dir;
    private Database db;
    private SqlApplicationStore apps;
    private SqlRatingStore ratings;

    @BeforeEach
    void open() {
        db = engine.open(dir);
        apps = new SqlApplicationStore(db, TestChain.of(db));
        ratings = new SqlRatingStore(db, TestChain.of(db));
        fill(new Random(16));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void periodsOfWholeDaysOrCutAnywhereGiveWhatTheApplicationsGive() {
        Random random = new Random(1616);
        for (int i = 0; i < 40; i++) {
            Instant from = START.plus(Duration.ofMinutes(random.nextInt(6 * 24 * 60)));
            Instant to = from.plus(Duration.ofMinutes(random.nextInt(i % 4 == 0 ? 50 : 4 * 24 * 60)));
            assertEquals(fromApplications(from, to), FigureFactsTest.normalised(apps.figureFacts(from, to)), from + " to " + to);
        }
        for (int days = 1; days <= 8; days++) {
            Instant from = KARACHI_DAY.plus(Duration.ofDays(random.nextInt(4)));
            Instant to = from.plus(Duration.ofDays(days));
            assertEquals(fromApplications(from, to), FigureFactsTest.normalised(apps.figureFacts(from, to)), from + " to " + to);
        }
        FigureFacts all = apps.figureFacts(START, START.plus(Duration.ofDays(7)));
        assertTrue(all.groups().size() > 20 && all.times().size() > 200, all.groups().size() + " groups");
        assertEquals(fromApplications(START, START.plus(Duration.ofDays(7))), FigureFactsTest.normalised(all));
    }

    @Test
    void spansAreTheSameInJavaAndInSqlAndWholeDaysEndThem() {
        Random random = new Random(8);
        List<Long> values = new ArrayList<>(List.of(-5L, 0L, 1L, 59_999L, 60_000L, 60_001L));
        for (long end : new long[] {5, 15, 60, 240, 1440}) {
            for (long d = -1; d <= 1; d++) {
                values.add(end * TimeSpans.HOUR + d);
            }
        }
        for (int i = 0; i < 3000; i++) {
            values.add((long) Math.exp(random.nextDouble() * Math.log(800.0 * TimeSpans.DAY)));
        }
        for (long v : values) {
            long upTo = TimeSpans.upTo(v);
            assertEquals(upTo, (long) db.read("span", c -> {
                try (PreparedStatement q = c.prepareStatement("SELECT " + TimeSpans.UP_TO_SQL + " FROM (SELECT ? AS after_filing) AS t")) {
                    q.setLong(1, v);
                    try (ResultSet r = q.executeQuery()) {
                        r.next();
                        return r.getLong(1);
                    }
                }
            }), "span of " + v);
            long above = TimeSpans.above(upTo);
            assertTrue(v <= 0 ? upTo == 0 && above == 0 : above < v && v <= upTo, v + " in (" + above + ", " + upTo + "]");
            assertTrue(upTo - above <= Math.max(TimeSpans.MINUTE, above / 50), "at most 2% wide: " + above + ", " + upTo);
        }
        for (long day = 0; day <= 800; day++) {
            assertEquals(day * TimeSpans.DAY, TimeSpans.upTo(day * TimeSpans.DAY), day + " days end a span");
        }
    }

    @Test
    void theMigrationsBackfillGivesTheRowsTheTriggersKept() throws IOException {
        List<List<Object>> days = rows("SELECT * FROM figure_day ORDER BY 1, 2, 3, 4, 5");
        List<List<Object>> times = rows("SELECT * FROM figure_time ORDER BY 1, 2, 3, 4, 5, 6");
        assertTrue(days.size() > 50 && times.size() > 200, days.size() + " days, " + times.size() + " times");
        List<String> backfill = Migrations.statements(script()).stream().filter(s -> s.startsWith("INSERT INTO figure_"))
                .toList();
        assertEquals(3, backfill.size());
        db.write("backfill again", c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM figure_day");
                s.executeUpdate("DELETE FROM figure_time");
                for (String sql : backfill) {
                    s.executeUpdate(sql);
                }
            }
            return null;
        });
        assertEquals(days, rows("SELECT * FROM figure_day ORDER BY 1, 2, 3, 4, 5"));
        assertEquals(times, rows("SELECT * FROM figure_time ORDER BY 1, 2, 3, 4, 5, 6"));
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
                at = at.plus(Duration.ofMinutes(1 + random.nextInt(3000))).plusMillis(random.nextInt(60_000));
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
            Map<List<Object>, Integer> moves = new java.util.HashMap<>();
            try (PreparedStatement q = c.prepareStatement(SqlApplicationStore.FIGURE_GROUPS)) {
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
                        moves.merge(Arrays.asList(r.getString(2), r.getInt(3), r.getString(4), r.getString(5),
                                TimeSpans.upTo(r.getLong(7))), 1, Integer::sum);
                    }
                }
            }
            List<FigureFacts.Times> times = new ArrayList<>();
            moves.forEach((k, n) -> times.add(new FigureFacts.Times((String) k.get(0), (Integer) k.get(1), (String) k.get(2),
                    (String) k.get(3), Duration.ofMillis(TimeSpans.above((Long) k.get(4))), Duration.ofMillis((Long) k.get(4)), n)));
            return List.of(FigureFactsTest.sorted(groups), FigureFactsTest.sortedTimes(times));
        });
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
        try (InputStream in = Migrations.class.getResourceAsStream("V7__figure_days.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
