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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.store.FigureFacts;
import org.khidmat.api.store.FigureFacts.Group;
import org.khidmat.api.platform.Rating;
import org.khidmat.api.platform.StatusChange;

/**
 * {@link SqlApplicationStore#figureFacts}: the two grouped queries give what the figures used to gather by
 * opening every application of the period (list, then each one's history, then every rating), which this test keeps
 * as its oracle.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class FigureFactsTest {
    @Parameter
    Engine engine;

    private static final Instant T1 = Instant.parse("2026-03-02T05:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-03T05:00:00Z");
    /** 2026-03-02 and 03 in Pakistan (UTC+5): from 2026-03-01T19:00Z to 2026-03-03T19:00Z. */
    private static final Instant FROM = Instant.parse("2026-03-01T19:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-03T19:00:00Z");

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
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Instant h(Instant t, int hours) {
        return t.plus(Duration.ofHours(hours));
    }

    /** Files an application and moves it through states given as state, time, state, time... */
    private void file(String ref, String service, int version, String tier, Instant at, Object... moves) {
        apps.create(new ApplicationRecord(ref, service, version, service.substring(0, service.indexOf('.')), "6110112345671",
                tier, Map.of(), "submitted", "none", at, at), new StatusChange(ref, at, "citizen", null, "submitted", null));
        String state = "submitted";
        for (int i = 0; i < moves.length; i += 2) {
            assertTrue(apps.move(new StatusChange(ref, (Instant) moves[i + 1], "officer", state, (String) moves[i], null)));
            state = (String) moves[i];
        }
    }

    private void rate(String ref, String service, int stars, Instant at) {
        assertTrue(ratings.addIfAbsent(new Rating(ref, service, service.substring(0, service.indexOf('.')), stars, null, at)));
    }

    /** The set of FigureMathTest, with one application filed the day after the period and one rated twice over. */
    private void knownSet() {
        file("P1", "police.cert", 1, "normal", T1, "review", h(T1, 1), "done", h(T1, 48));
        file("P2", "police.cert", 1, "normal", h(T1, 1), "rejected", h(T1, 241));
        file("P3", "police.cert", 1, "normal", T2, "review", h(T2, 1));
        file("P4", "police.cert", 1, "normal", h(T2, 2), "review", h(T2, 3), "done", h(T2, 2 + 168));
        file("P5", "police.cert", 1, "normal", Instant.parse("2026-03-04T05:00:00Z"), "rejected",
                Instant.parse("2026-03-04T06:00:00Z"));
        file("Q1", "police.noc", 1, "normal", T1, "review", h(T1, 2), "done", h(T1, 24));
        file("N1", "nadra.cnic", 1, "normal", T1, "review", h(T1, 6), "done", h(T1, 12));
        file("N2", "nadra.cnic", 1, "normal", T1, "review", h(T1, 6), "done", h(T1, 30));
        rate("P1", "police.cert", 4, h(T1, 50));
        rate("P2", "police.cert", 1, h(T1, 300));
        rate("N1", "nadra.cnic", 5, h(T1, 13));
        rate("P5", "police.cert", 3, h(T1, 60));
    }

    @Test
    void theKnownSetGivesTheKnownGroupsAndMoves() {
        knownSet();
        FigureFacts facts = apps.figureFacts(FROM, TO);
        assertEquals(List.of(
                new Group("nadra.cnic", 1, "normal", null, 1, 0, 0),
                new Group("nadra.cnic", 1, "normal", "nadra.cnic", 1, 1, 5),
                new Group("police.cert", 1, "normal", null, 2, 0, 0),
                new Group("police.cert", 1, "normal", "police.cert", 2, 2, 5),
                new Group("police.noc", 1, "normal", null, 1, 0, 0)), sorted(facts.groups()), "P5 is outside the period");
        Map<String, Integer> moves = new TreeMap<>();
        facts.times().forEach(t -> moves.put(t.serviceId() + " " + t.state() + " " + t.upTo().toHours() + " h", t.moves()));
        Map<String, Integer> expected = new TreeMap<>(Map.of("police.cert review 1 h", 3, "police.cert done 48 h", 1,
                "police.cert done 168 h", 1, "police.cert rejected 240 h", 1, "police.noc review 2 h", 1,
                "police.noc done 24 h", 1, "nadra.cnic review 6 h", 2, "nadra.cnic done 12 h", 1, "nadra.cnic done 30 h", 1));
        assertEquals(expected, moves, "whole hours end spans");
        facts.times().forEach(t -> assertEquals(TimeSpans.above(t.upTo().toMillis()), t.above().toMillis(), t.toString()));
        assertEquals(oracle(FROM, TO), normalised(facts));
        assertEquals(new FigureFacts(List.of(), List.of()), apps.figureFacts(TO.plusSeconds(86400 * 2), TO.plusSeconds(86400 * 3)));
    }

    /** Many applications of three services, two versions, tiers with and without, moves back and forth, ratings. */
    @Test
    void aRandomSetGivesWhatOpeningEachApplicationGave() {
        Random random = new Random(20260302);
        List<String> services = List.of("police.cert", "police.noc", "nadra.cnic");
        List<String> states = List.of("review", "returned", "done", "rejected");
        for (int i = 0; i < 400; i++) {
            String ref = "R" + i;
            String service = services.get(random.nextInt(services.size()));
            Instant filed = FROM.minus(Duration.ofHours(12)).plus(Duration.ofMinutes(random.nextInt(4 * 24 * 60)));
            List<Object> moves = new ArrayList<>();
            Instant at = filed;
            for (int m = random.nextInt(5); m > 0; m--) {
                at = at.plus(Duration.ofMinutes(1 + random.nextInt(3000)));
                moves.add(states.get(random.nextInt(states.size())));
                moves.add(at);
            }
            file(ref, service, 1 + random.nextInt(2), random.nextInt(5) == 0 ? null : random.nextBoolean() ? "normal" : "urgent",
                    filed, moves.toArray());
            if (random.nextInt(3) == 0) {
                // now and then a rating naming another service than the application's, as the old code counted it
                rate(ref, random.nextInt(20) == 0 ? "nadra.other" : service, 1 + random.nextInt(5), at);
            }
        }
        FigureFacts facts = apps.figureFacts(FROM, TO);
        int moves = facts.times().stream().mapToInt(FigureFacts.Times::moves).sum();
        assertTrue(facts.groups().size() > 20 && moves > 150, facts.groups().size() + " groups, " + moves + " moves");
        assertEquals(oracle(FROM, TO), normalised(facts));
    }

    @Test
    void theQueriesFindThePeriodByIndexNotByScanning() {
        assumeTrue(engine == Engine.SQLITE, "query plans are SQLite's (EXPLAIN QUERY PLAN)");
        Map<String, String> indexes = Map.of(SqlApplicationStore.FIGURE_GROUPS, "INDEX application_created",
                FigureDays.EDGE_TIMES, "PRIMARY KEY", FigureDays.DAY_GROUPS, "PRIMARY KEY", FigureDays.DAY_TIMES, "PRIMARY KEY");
        indexes.forEach((sql, index) -> {
            String plan = plan(sql);
            assertTrue(plan.contains("USING " + index), plan);
            assertFalse(plan.matches("(?s).*SCAN (a|application|figure_day|figure_time|figure_move)\\b.*"), plan);
            assertFalse(plan.matches("(?s).*SCAN (h|r|status_history|rating)\\b.*"), "joined by key: " + plan);
        });
    }

    private String plan(String sql) {
        return db.read("explain", c -> {
            try (PreparedStatement q = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                q.setLong(1, 0);
                q.setLong(2, 1);
                StringBuilder b = new StringBuilder();
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        b.append(rows.getString(4)).append('\n');
                    }
                }
                return b.toString();
            }
        });
    }

    /**
     * The facts as the figures gathered them before: every application listed, the period's opened one by one (its
     * history read), every rating read; each one's first move into each state counted in its span of time.
     */
    private List<Object> oracle(Instant from, Instant to) {
        Map<String, Rating> rated = new HashMap<>();
        ratings.ratings().forEach(r -> rated.put(r.reference(), r));
        Map<List<Object>, long[]> groups = new LinkedHashMap<>();
        Map<List<Object>, Integer> moves = new HashMap<>();
        for (ApplicationRecord a : apps.list(null, null, null, 1_000_000)) {
            if (a.createdAt().isBefore(from) || !a.createdAt().isBefore(to)) {
                continue;
            }
            Rating r = rated.get(a.reference());
            long[] g = groups.computeIfAbsent(Arrays.asList(a.serviceId(), a.descriptorVersion(), a.tier(),
                    r == null ? null : r.serviceId()), k -> new long[3]);
            g[0]++;
            g[1] += r == null ? 0 : 1;
            g[2] += r == null ? 0 : r.stars();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (StatusChange h : apps.history(a.reference())) {
                if (h.from() != null && seen.add(h.to())) {
                    moves.merge(Arrays.asList(a.serviceId(), a.descriptorVersion(), a.tier(), h.to(),
                            TimeSpans.upTo(Duration.between(a.createdAt(), h.at()).toMillis())), 1, Integer::sum);
                }
            }
        }
        List<Group> list = new ArrayList<>();
        groups.forEach((k, g) -> list.add(new Group((String) k.get(0), (Integer) k.get(1), (String) k.get(2), (String) k.get(3),
                (int) g[0], (int) g[1], g[2])));
        List<FigureFacts.Times> times = new ArrayList<>();
        moves.forEach((k, n) -> times.add(new FigureFacts.Times((String) k.get(0), (Integer) k.get(1), (String) k.get(2),
                (String) k.get(3), Duration.ofMillis(TimeSpans.above((Long) k.get(4))), Duration.ofMillis((Long) k.get(4)), n)));
        return List.of(sorted(list), sortedTimes(times));
    }

    static List<Object> normalised(FigureFacts facts) {
        return List.of(sorted(facts.groups()), sortedTimes(facts.times()));
    }

    static List<FigureFacts.Times> sortedTimes(List<FigureFacts.Times> times) {
        return times.stream().sorted(Comparator.comparing(FigureFacts.Times::toString)).toList();
    }

    static List<Group> sorted(List<Group> groups) {
        return groups.stream().sorted(Comparator.comparing(Group::serviceId).thenComparing(Group::descriptorVersion)
                .thenComparing(Group::tier, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Group::ratedServiceId, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
    }

    /**
     * By hand, not in the build: {@code mvn -o -q verify -pl platform/store -am -DskipITs -Dtest=FigureFactsTest
     * -Dsurefire.failIfNoSpecifiedTests=false -Dkhidmat.bench=true}. 5,000 applications in a temporary database; prints
     * the time of reading the period the old way (list, then each application and its history, then every rating)
     * and with {@code figureFacts}.
     */
    @Test
    @EnabledIfSystemProperty(named = "khidmat.bench", matches = "true")
    void bench() {
        int n = 5_000;
        Random random = new Random(5000);
        List<String> services = List.of("police.cert", "police.noc", "nadra.cnic", "ictadmin.domicile", "ictadmin.arms");
        db.write("fill", c -> {
            try (PreparedStatement app = c.prepareStatement("INSERT INTO application (reference, service_id,"
                    + " descriptor_version, agency, cnic, tier, answers, status, payment_state, created_at, updated_at)"
                    + " VALUES (?, ?, 1, 'x', '6110112345671', 'normal', '{\"fullName\":\"Bilal Ahmed\"}', 'done', 'none', ?, ?)");
                    PreparedStatement move = c.prepareStatement("INSERT INTO status_history (reference, at, actor,"
                            + " from_state, to_state) VALUES (?, ?, 'x', ?, ?)");
                    PreparedStatement rate = c.prepareStatement("INSERT INTO rating (reference, service_id, agency, stars, at)"
                            + " VALUES (?, ?, 'x', ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    String ref = "B" + i;
                    String service = services.get(i % services.size());
                    long filed = FROM.toEpochMilli() + random.nextInt(2 * 24 * 3600) * 1000L;
                    app.setString(1, ref);
                    app.setString(2, service);
                    app.setLong(3, filed);
                    app.setLong(4, filed);
                    app.executeUpdate();
                    String from = null;
                    long at = filed;
                    for (String to : List.of("submitted", "review", "done")) {
                        move.setString(1, ref);
                        move.setLong(2, at);
                        move.setString(3, from);
                        move.setString(4, to);
                        move.executeUpdate();
                        from = to;
                        at += random.nextInt(72 * 3600) * 1000L;
                    }
                    if (i % 3 == 0) {
                        rate.setString(1, ref);
                        rate.setString(2, service);
                        rate.setInt(3, 1 + random.nextInt(5));
                        rate.setLong(4, at);
                        rate.executeUpdate();
                    }
                }
            }
            return null;
        });
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            int opened = 0;
            for (ApplicationRecord a : apps.list(null, null, null, 1_000_000)) {
                if (!a.createdAt().isBefore(FROM) && a.createdAt().isBefore(TO)) {
                    opened += apps.find(a.reference()).isPresent() ? apps.history(a.reference()).size() : 0;
                }
            }
            int rated = ratings.ratings().size();
            long t1 = System.nanoTime();
            FigureFacts facts = apps.figureFacts(FROM, TO);
            long t2 = System.nanoTime();
            System.out.printf("figures of %d applications, round %d: one by one %.1f ms (%d history lines, %d ratings);"
                    + " figureFacts %.1f ms (%d groups, %d spans)%n", n, round, (t1 - t0) / 1e6, opened, rated,
                    (t2 - t1) / 1e6, facts.groups().size(), facts.times().size());
            assertTrue(Objects.requireNonNull(facts).times().stream().mapToInt(FigureFacts.Times::moves).sum() >= n);
        }
    }
}
