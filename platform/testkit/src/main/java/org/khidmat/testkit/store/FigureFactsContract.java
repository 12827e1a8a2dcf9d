package org.khidmat.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.khidmat.testkit.store.Samples.T;
import static org.khidmat.testkit.store.Samples.ref;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.Rating;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.store.ApplicationStore;
import org.khidmat.api.store.FigureFacts;

/** {@link ApplicationStore#figureFacts}: the figures equal what the applications, moves and ratings give. */
public abstract class FigureFactsContract extends StoreContract {
    private static final String[] SERVICES = {"nadra.cnic-renewal", "fbr.ntn"};
    private static final String[] TIERS = {"normal", "urgent", null};

    /** One application as the test filed it: when, its first move into approved (or null), its rating's stars (or 0). */
    private record Filed(ApplicationRecord application, Duration approvedAfter, int stars) {
    }

    /** 40 applications over three days from {@code start}, every third approved (one sent back first), every fourth rated. */
    private List<Filed> fileAndMove(Instant start) {
        List<Filed> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String service = SERVICES[i % 2];
            Instant at = start.plus(Duration.ofMinutes(107L * i));
            ApplicationRecord a = filed(new ApplicationRecord(ref(i), service, 1 + i % 5 / 4, service.split("\\.")[0],
                    Samples.CNIC, TIERS[i % 3], Map.of(), "submitted", "none", at, at));
            Duration approvedAfter = null;
            if (i % 3 == 0) {
                approvedAfter = Duration.ofMinutes(3L + 41L * i).plusSeconds(i);
                Instant when = at.plus(approvedAfter);
                move(a, when, "submitted", "approved");
                if (i % 2 == 0) {
                    move(a, when.plusSeconds(600), "approved", "returned");
                    move(a, when.plusSeconds(7200), "returned", "approved");
                }
            }
            int stars = i % 4 == 0 ? 1 + i % 5 : 0;
            if (stars > 0) {
                stores.ratings().addIfAbsent(new Rating(a.reference(), service, a.agency(), stars, null, at.plusSeconds(90_000)));
            }
            all.add(new Filed(a, approvedAfter, stars));
        }
        return all;
    }

    private void move(ApplicationRecord a, Instant at, String from, String to) {
        assertTrue(stores.applications().move(new StatusChange(a.reference(), at, "officer", from, to, null)));
    }

    private static List<Object> key(ApplicationRecord a) {
        return List.of(a.serviceId(), a.descriptorVersion(), Objects.toString(a.tier(), ""));
    }

    @Test
    public void theGroupsCountTheApplicationsAndRatingsFiledInThePeriod() {
        Instant from = T.minusSeconds(3 * 3600);
        List<Filed> all = fileAndMove(from.minusSeconds(4 * 3600));
        Instant to = from.plus(Duration.ofDays(2));

        Map<List<Object>, long[]> expected = new HashMap<>();
        for (Filed f : all) {
            ApplicationRecord a = f.application();
            if (a.createdAt().isBefore(from) || !a.createdAt().isBefore(to)) {
                continue;
            }
            List<Object> k = new ArrayList<>(key(a));
            k.add(f.stars() > 0 ? a.serviceId() : "");
            long[] sum = expected.computeIfAbsent(k, x -> new long[3]);
            sum[0]++;
            sum[1] += f.stars() > 0 ? 1 : 0;
            sum[2] += f.stars();
        }
        Map<List<Object>, long[]> actual = new HashMap<>();
        for (FigureFacts.Group g : stores.applications().figureFacts(from, to).groups()) {
            List<Object> k = List.of(g.serviceId(), g.descriptorVersion(), Objects.toString(g.tier(), ""),
                    Objects.toString(g.ratedServiceId(), ""));
            long[] sum = actual.computeIfAbsent(k, x -> new long[3]);
            sum[0] += g.applications();
            sum[1] += g.ratings();
            sum[2] += g.stars();
        }
        assertEquals(show(expected), show(actual));
        assertTrue(all.stream().anyMatch(f -> f.application().createdAt().isBefore(from)), "some before the period");
        assertTrue(all.stream().anyMatch(f -> !f.application().createdAt().isBefore(to)), "some after it");
    }

    @Test
    public void theTimesCountEachApplicationsFirstMoveInTheSpanThatHoldsIt() {
        List<Filed> all = fileAndMove(T);
        FigureFacts facts = stores.applications().figureFacts(T, T.plus(Duration.ofDays(5)));

        Map<List<Object>, Integer> counted = new HashMap<>();
        for (FigureFacts.Times t : facts.times()) {
            assertTrue(t.state().equals("approved") || t.state().equals("returned"), "a state moved into: " + t.state());
            assertTrue(t.above().compareTo(t.upTo()) <= 0, "a span: " + t);
            if (t.state().equals("approved")) {
                List<Object> k = List.of(t.serviceId(), t.descriptorVersion(), Objects.toString(t.tier(), ""));
                counted.merge(k, t.moves(), Integer::sum);
            }
        }
        Map<List<Object>, Integer> expected = new HashMap<>();
        for (Filed f : all) {
            if (f.approvedAfter() == null) {
                continue;
            }
            expected.merge(key(f.application()), 1, Integer::sum);
            Duration d = f.approvedAfter();
            assertTrue(facts.times().stream().anyMatch(t -> t.state().equals("approved")
                    && key(f.application()).equals(List.of(t.serviceId(), t.descriptorVersion(), Objects.toString(t.tier(), "")))
                    && (t.above().compareTo(d) < 0 && d.compareTo(t.upTo()) <= 0 || t.above().equals(d) && t.upTo().equals(d))),
                    "a span holds the first move of " + f.application().reference() + " after " + d);
        }
        assertEquals(expected, counted, "one first move per application approved, however often it was approved");
    }

    @Test
    public void aPeriodWithNothingFiledGivesEmptyLists() {
        fileAndMove(T);

        FigureFacts facts = stores.applications().figureFacts(T.minus(Duration.ofDays(30)), T);

        assertEquals(List.of(), facts.groups());
        assertEquals(List.of(), facts.times());
    }

    private static Map<List<Object>, List<Long>> show(Map<List<Object>, long[]> sums) {
        Map<List<Object>, List<Long>> out = new HashMap<>();
        sums.forEach((k, v) -> out.put(k, List.of(v[0], v[1], v[2])));
        return out;
    }
}
