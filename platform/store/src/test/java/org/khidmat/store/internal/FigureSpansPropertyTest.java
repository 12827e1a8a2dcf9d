package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.store.FigureFacts;
import org.khidmat.api.platform.Rating;
import org.khidmat.api.platform.StatusChange;

/**
 * Property: over random applications moved as a workflow allows (review, sent back and reviewed again, then done,
 * refused or withdrawn, which are final), the published numbers taken from the daily sums equal those computed from
 * the applications themselves: applications, finished, finished within n days for every n exactly, and median and
 * 90th percentile within the same span (at most 1%, or 30 seconds, apart). Times after filing range from seconds to
 * months, so every width of span is met. The applications of each service filed on each day, and in a period whose
 * edges cut days in two, are counted from the sums as from the applications. On both engines (the sums are kept by
 * triggers, written twice).
 */
@ParameterizedClass
@EnumSource(Engine.class)
class FigureSpansPropertyTest {
    @Parameter
    Engine engine;

    private static final Instant FROM = Instant.parse("2026-02-28T19:00:00Z"); // 2026-03-01 in Pakistan
    private static final Set<String> FINAL = Set.of("done", "refused", "withdrawn");
    private static final List<String> SERVICES = List.of("police.cert", "nadra.cnic");

    @TempDir
    Path dir;
    private Database db;
    private SqlApplicationStore apps;
    private SqlRatingStore ratings;
    /** Per service, the exact times to the final state of the applications filed in the first 10 days. */
    private final Map<String, List<Long>> exact = new TreeMap<>();
    /** Every application filed, in the 10 days or just before: its service and when. */
    private final List<Map.Entry<String, Instant>> filings = new ArrayList<>();
    private int filed;

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

    @Test
    void numbersFromTheSumsEqualThoseFromTheApplications() {
        Random random = new Random(2026_12_02);
        for (int i = 0; i < 240; i++) {
            fileAndMove(random);
        }
        FigureFacts facts = apps.figureFacts(FROM, FROM.plus(Duration.ofDays(10)));
        assertEquals(filed, facts.groups().stream().mapToInt(FigureFacts.Group::applications).sum());
        for (int day = -1; day < 10; day++) {
            Instant from = FROM.plus(Duration.ofDays(day));
            assertCountsPerService(from, from.plus(Duration.ofDays(1)), "day " + day);
        }
        for (int i = 0; i < 20; i++) {
            Instant from = FROM.plus(Duration.ofMinutes(random.nextInt(11 * 24 * 60) - 24 * 60));
            assertCountsPerService(from, from.plus(Duration.ofMinutes(1 + random.nextInt(4 * 24 * 60))), "from " + from);
        }
        for (String service : SERVICES) {
            List<Long> times = exact.getOrDefault(service, List.of()).stream().sorted().toList();
            List<FigureFacts.Times> spans = facts.times().stream()
                    .filter(t -> t.serviceId().equals(service) && FINAL.contains(t.state()))
                    .sorted(Comparator.comparing(FigureFacts.Times::upTo)).toList();
            assertTrue(times.size() > 40, service + ": " + times.size() + " finished");
            assertEquals(times.size(), spans.stream().mapToInt(FigureFacts.Times::moves).sum(), service + " finished");
            for (int days = 0; days <= 120; days++) {
                long promise = days * TimeSpans.DAY;
                assertEquals(times.stream().filter(t -> t <= promise).count(),
                        spans.stream().filter(s -> s.upTo().toMillis() <= promise).mapToInt(FigureFacts.Times::moves).sum(),
                        service + " within " + days + " days");
            }
            for (double p : new double[] {0.5, 0.9}) {
                long truth = times.get((int) Math.ceil(p * times.size()) - 1);
                FigureFacts.Times span = rank(spans, (long) Math.ceil(p * times.size()));
                long middle = (span.above().toMillis() + span.upTo().toMillis()) / 2;
                assertTrue(span.above().toMillis() < truth && truth <= span.upTo().toMillis() || truth == 0,
                        service + " p" + p + ": " + truth + " in " + span);
                assertTrue(Math.abs(middle - truth) <= Math.max(30_000, truth / 100), service + " p" + p + ": " + middle
                        + " for " + truth);
            }
        }
    }

    /** The applications of each service filed in [from, to): from the sums as from the applications filed. */
    private void assertCountsPerService(Instant from, Instant to, String what) {
        Map<String, Integer> truth = new TreeMap<>();
        filings.stream().filter(f -> !f.getValue().isBefore(from) && f.getValue().isBefore(to))
                .forEach(f -> truth.merge(f.getKey(), 1, Integer::sum));
        Map<String, Integer> summed = new TreeMap<>();
        apps.figureFacts(from, to).groups().forEach(g -> summed.merge(g.serviceId(), g.applications(), Integer::sum));
        summed.values().removeIf(n -> n == 0);
        assertEquals(truth, summed, what + " to " + to);
    }

    private static FigureFacts.Times rank(List<FigureFacts.Times> spans, long rank) {
        long seen = 0;
        for (FigureFacts.Times s : spans) {
            seen += s.moves();
            if (seen >= rank) {
                return s;
            }
        }
        throw new AssertionError("rank " + rank + " beyond " + seen);
    }

    /** Filed in the 10 days (now and then just outside), moved as a workflow allows after times from seconds to months. */
    private void fileAndMove(Random random) {
        String service = SERVICES.get(random.nextInt(SERVICES.size()));
        boolean inside = random.nextInt(12) != 0;
        Instant at = FROM.plus(Duration.ofMinutes(inside ? random.nextInt(10 * 24 * 60) : -1 - random.nextInt(600)));
        String ref = "W" + filed + (inside ? "" : "-outside");
        String tier = random.nextInt(4) == 0 ? null : "normal";
        apps.create(new ApplicationRecord(ref, service, 1, service.substring(0, service.indexOf('.')), "6110112345671", tier,
                Map.of(), "submitted", "none", at, at), new StatusChange(ref, at, "citizen", null, "submitted", null));
        Instant filedAt = at;
        filings.add(Map.entry(service, at));
        String state = "submitted";
        Set<String> seen = new HashSet<>();
        while (!FINAL.contains(state) && random.nextInt(6) != 0) {
            String next = switch (state) {
                case "submitted" -> random.nextInt(5) == 0 ? "withdrawn" : "review";
                case "review" -> List.of("returned", "done", "done", "refused", "withdrawn").get(random.nextInt(5));
                default -> random.nextInt(4) == 0 ? "withdrawn" : "review";
            };
            at = at.plusMillis((long) Math.exp(random.nextDouble() * Math.log(20.0 * TimeSpans.DAY)));
            assertTrue(apps.move(new StatusChange(ref, at, "officer", state, next, null)));
            state = next;
            if (FINAL.contains(state) && seen.add(state) && inside) {
                exact.computeIfAbsent(service, k -> new ArrayList<>()).add(Duration.between(filedAt, at).toMillis());
            }
        }
        if (FINAL.contains(state) && random.nextInt(3) == 0) {
            ratings.addIfAbsent(new Rating(ref, service, "x", 1 + random.nextInt(5), null, at));
        }
        if (inside) {
            filed++;
        }
    }
}
