package org.khidmat.web.internal.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The chart's scale, bar lengths and what it says to screen readers, from plain values. */
class BarChartTest {

    @Test
    void theScaleRoundsUpToOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(1, BarChart.niceMax(0));
        assertEquals(1, BarChart.niceMax(-3));
        assertEquals(1, BarChart.niceMax(Double.NaN));
        assertEquals(1, BarChart.niceMax(1));
        assertEquals(2, BarChart.niceMax(1.2));
        assertEquals(5, BarChart.niceMax(3));
        assertEquals(10, BarChart.niceMax(7));
        assertEquals(10, BarChart.niceMax(10));
        assertEquals(20, BarChart.niceMax(11));
        assertEquals(500, BarChart.niceMax(432));
        assertEquals(0.5, BarChart.niceMax(0.31), 1e-12);
    }

    @Test
    void aBarIsProportionalClampedToThePlotAndVisibleWhenAboveZero() {
        assertEquals(155, BarChart.length(2.5, 5, 310));
        assertEquals(310, BarChart.length(5, 5, 310));
        assertEquals(310, BarChart.length(9, 5, 310), "a value beyond the scale stops at its end");
        assertEquals(1, BarChart.length(0.0001, 5, 310), "a tiny value still shows");
        assertEquals(0, BarChart.length(0, 5, 310));
        assertEquals(0, BarChart.length(3, 0, 310));
    }

    @Test
    void theSvgCarriesItsTitleDescriptionAndTextLabelsAndNoInlineStyle() {
        String svg = BarChart.svg("c1", "Average rating <by> agency", List.of(
                new BarChart.Bar("Islamabad Capital Territory Administration", 4.0, "4.00 (1)", null),
                new BarChart.Bar("NADRA", null, "", null)), 5, "no data");
        // a box that scrolls sideways on a phone, so the chart keeps its size and its words stay readable
        assertTrue(svg.startsWith("<div class=\"scroll chart-box\" role=\"region\" tabindex=\"0\" aria-label=\"Average rating &lt;by> agency\">"
                + "<svg class=\"chart\" id=\"c1\" role=\"img\" aria-label=\"Average rating &lt;by> agency\""), svg);
        assertTrue(svg.endsWith("</svg></div>\n") || svg.endsWith("</svg></div>"), svg);
        assertTrue(svg.contains("<title>Average rating &lt;by&gt; agency</title>"));
        assertTrue(svg.contains("<desc id=\"c1-desc\">Islamabad Capital Territory Administration: 4.00 (1). NADRA: no data.</desc>"),
                svg);
        assertTrue(svg.contains(">Islamabad Capital Territory…</text>"), "long labels are shortened at a word in the picture only");
        assertEquals("Excise, taxation and…", BarChart.clip("Excise, taxation and narcotics control"));
        assertEquals("Aaaaaaaaaaaaaaaaaaaaaaaaaaaaa…", BarChart.clip("A" + "a".repeat(40)), "one long word is cut where it must");
        assertTrue(svg.contains(">no data</text>"));
        assertFalse(svg.contains("style="), "the CSP forbids inline styles");
        Matcher rect = Pattern.compile("<rect class=\"bar\" x=\"(\\d+)\" y=\"\\d+\" width=\"(\\d+)\"").matcher(svg);
        assertTrue(rect.find());
        assertEquals(BarChart.LABELS, Integer.parseInt(rect.group(1)));
        assertEquals(Math.round(4.0 / 5 * BarChart.PLOT), Integer.parseInt(rect.group(2)));
        assertFalse(rect.find(), "no bar is drawn for no data");
        assertTrue(svg.contains(">0</text>") && svg.contains(">2.5</text>") && svg.contains(">5</text>"), "ticks at 0, half, end");
    }

    @Test
    void anAutomaticScaleMakesRoomForTheMark() {
        String svg = BarChart.svg("c2", "Processing", List.of(new BarChart.Bar("Domicile", 1.5, "1.5 days", 7.0)), 0, "-");
        Matcher mark = Pattern.compile("<line class=\"mark\" x1=\"(\\d+)\"").matcher(svg);
        assertTrue(mark.find(), svg);
        assertEquals(BarChart.LABELS + Math.round(7.0 / 10 * BarChart.PLOT), Integer.parseInt(mark.group(1)));
        assertTrue(svg.contains(">10</text>"), "the scale ends at 10, above the promise of 7");
    }
}
