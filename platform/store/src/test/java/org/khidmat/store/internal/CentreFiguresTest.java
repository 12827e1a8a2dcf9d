package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.Rating;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.store.FigureFacts;

/**
 * Figures per centre over one database file opened by the nodes of two centres: each application counts for the
 * centre it was filed at, and the centres' figures add up to the country's, for whole days (from the daily sums) and
 * for the edges of a period (from the applications).
 */
@ParameterizedClass
@EnumSource(Engine.class)
class CentreFiguresTest {
    @Parameter
    Engine engine;

    private static final Instant T = Instant.parse("2026-03-02T05:00:00Z");
    /** 2026-03-02 and 03 in Pakistan (UTC+5). */
    private static final Instant FROM = Instant.parse("2026-03-01T19:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-03T19:00:00Z");

    @TempDir
    Path dir;
    private Database nodeA;
    private Database nodeB;
    private SqlApplicationStore islamabad;
    private SqlApplicationStore lahore;

    @BeforeEach
    void open() {
        nodeA = engine.open(dir);
        nodeB = engine.open(dir);
        islamabad = new SqlApplicationStore(nodeA, TestChain.of(nodeA), "isb-g11");
        lahore = new SqlApplicationStore(nodeB, TestChain.of(nodeB), "lhr-01");
    }

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
    }

    private static void file(SqlApplicationStore at, String ref, String service, String tier, Instant when,
            Object... moves) {
        at.create(new ApplicationRecord(ref, service, 1, service.substring(0, service.indexOf('.')), "6110112345671",
                tier, Map.of(), "submitted", "none", when, when), new StatusChange(ref, when, "citizen", null, "submitted", null));
        String state = "submitted";
        for (int i = 0; i < moves.length; i += 2) {
            assertTrue(at.move(new StatusChange(ref, (Instant) moves[i + 1], "officer", state, (String) moves[i], null)));
            state = (String) moves[i];
        }
    }

    @Test
    void theCentresFiguresAddUpToTheCountrys() {
        file(islamabad, "I-1", "nadra.cnic", "normal", T, "issued", T.plus(Duration.ofHours(30)));
        file(islamabad, "I-2", "nadra.cnic", "urgent", T.plusSeconds(60), "issued", T.plus(Duration.ofHours(5)));
        file(lahore, "L-1", "nadra.cnic", "normal", T.plusSeconds(120), "issued", T.plus(Duration.ofHours(30)));
        file(lahore, "L-2", "dgip.passport", null, T.plus(Duration.ofDays(1)));
        file(lahore, "L-3", "dgip.passport", null, T.plus(Duration.ofHours(2)));
        // tracking and moving are national: Lahore's node moves an application filed in Islamabad
        assertTrue(lahore.move(new StatusChange("I-2", T.plus(Duration.ofHours(6)), "officer", "issued", "collected",
                null)));
        new SqlRatingStore(nodeB, TestChain.of(nodeB)).addIfAbsent(new Rating("I-1", "nadra.cnic", "nadra", 4, null,
                T.plus(Duration.ofDays(1))));

        for (Instant[] period : new Instant[][] {{FROM, TO}, {T.minusSeconds(1), T.plus(Duration.ofHours(40))}}) {
            FigureFacts country = islamabad.figureFacts(null, period[0], period[1]);
            FigureFacts isb = lahore.figureFacts("isb-g11", period[0], period[1]);
            FigureFacts lhr = islamabad.figureFacts("lhr-01", period[0], period[1]);
            assertEquals(filed(country), sum(filed(isb), filed(lhr)), "applications per service, whole days or edges");
            assertEquals(moves(country), sum(moves(isb), moves(lhr)), "first moves per state and span");
        }
        FigureFacts isb = islamabad.figureFacts("isb-g11", FROM, TO);
        assertEquals(Map.of("nadra.cnic", 2L), filed(isb), "filed in Islamabad, wherever it was moved");
        assertEquals(4L, isb.groups().stream().mapToLong(FigureFacts.Group::stars).sum(), "its rating");
        assertEquals(Map.of("dgip.passport", 2L, "nadra.cnic", 1L), filed(islamabad.figureFacts("lhr-01", FROM, TO)));
    }

    private static Map<String, Long> filed(FigureFacts f) {
        Map<String, Long> out = new TreeMap<>();
        f.groups().forEach(g -> out.merge(g.serviceId(), (long) g.applications(), Long::sum));
        return out;
    }

    private static Map<String, Long> moves(FigureFacts f) {
        Map<String, Long> out = new TreeMap<>();
        f.times().forEach(t -> out.merge(t.serviceId() + " " + t.state() + " " + t.upTo(), (long) t.moves(), Long::sum));
        return out;
    }

    private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new TreeMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }

    @Test
    void aCentreWithNothingFiledHasEmptyFigures() {
        file(islamabad, "I-1", "nadra.cnic", "normal", T);
        FigureFacts none = lahore.figureFacts("lhr-01", FROM, TO);
        assertEquals(List.of(), none.groups());
        assertEquals(List.of(), none.times());
    }
}
