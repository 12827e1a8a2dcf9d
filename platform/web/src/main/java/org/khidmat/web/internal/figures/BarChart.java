package org.khidmat.web.internal.figures;

import org.khidmat.web.internal.page.Templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * A horizontal bar chart as SVG, drawn on the server so it reads without JavaScript: text labels and values beside
 * the bars, an optional mark per bar (a promise to compare with), a scale rounded up to 1, 2 or 5 times a power of
 * ten, and a title and description for screen readers ({@code role="img"}). Colours come from classes in the style
 * sheet, since the content security policy forbids inline styles.
 */
final class BarChart {
    static final int WIDTH = 640;
    static final int LABELS = 250;
    static final int PLOT = 310;
    static final int ROW = 26;
    static final int TOP = 8;
    static final int LABEL_CHARS = 30;

    /**
     * One bar.
     *
     * @param label what it is, as text (not HTML)
     * @param value its length in the chart's unit; {@code null} for no data
     * @param shown the value as read beside the bar, as text
     * @param mark where to draw a mark in the same unit, or {@code null}
     */
    record Bar(String label, Double value, String shown, Double mark) {
    }

    private BarChart() {
    }

    /** A bar as drawn: its row's top, the shortened label, the bar's length, the value read beside it, the mark's x. */
    record Row(int y, String label, int width, String shown, Integer mark) {
    }

    /** A tick of the scale: where, and its number. */
    record Tick(int x, String text) {
    }

    /** The chart as drawn ({@code figures/barChart.jte}): every length worked out, every text plain (the template escapes). */
    record Chart(String id, String title, String desc, int height, List<Row> rows, int axisY, List<Tick> ticks) {
    }

    /**
     * @param id the chart's id, unique in the page
     * @param title what it shows, as text
     * @param bars the bars, top to bottom
     * @param max the scale's end, or {@code 0} to round up from the largest value and mark
     * @param noData what to show beside a bar without data, as text
     * @return the chart, drawn
     */
    static Chart chart(String id, String title, List<Bar> bars, double max, String noData) {
        double end = max > 0 ? max : niceMax(bars.stream().flatMap(b -> java.util.stream.Stream.of(b.value(), b.mark()))
                .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(0));
        StringBuilder desc = new StringBuilder();
        List<Row> rows = new ArrayList<>();
        int y = TOP;
        for (Bar b : bars) {
            desc.append(b.label()).append(": ").append(b.value() == null ? noData : b.shown()).append(". ");
            int w = b.value() == null ? 0 : length(b.value(), end, PLOT);
            rows.add(new Row(y, clip(b.label()), w, b.value() == null ? noData : b.shown(),
                    b.mark() == null ? null : LABELS + length(b.mark(), end, PLOT)));
            y += ROW;
        }
        List<Tick> ticks = new ArrayList<>();
        for (double tick : new double[] {0, end / 2, end}) {
            ticks.add(new Tick(LABELS + length(tick, end, PLOT), tick(tick)));
        }
        return new Chart(id, title, desc.toString().strip(), TOP + bars.size() * ROW + 24, rows, y + 2, ticks);
    }

    /** @return the chart as an SVG element ({@link #chart}) */
    static String svg(String id, String title, List<Bar> bars, double max, String noData) {
        return Templates.render("figures/barChart.jte", Map.of("c", chart(id, title, bars, max, noData)));
    }

    /** @return the smallest of 1, 2 or 5 times a power of ten that is at least {@code max}; 1 for nothing */
    static double niceMax(double max) {
        if (!(max > 0) || Double.isInfinite(max)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        double f = max / power;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * power;
    }

    /** @return the length in pixels of {@code value} on a scale from 0 to {@code max} that is {@code width} long */
    static int length(double value, double max, int width) {
        if (!(value > 0) || !(max > 0)) {
            return 0;
        }
        long px = Math.round(value / max * width);
        return (int) Math.max(1, Math.min(width, px));
    }

    static String tick(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** @return the label, or its words that fit followed by an ellipsis */
    static String clip(String label) {
        if (label.length() <= LABEL_CHARS) {
            return label;
        }
        String head = label.substring(0, LABEL_CHARS - 1);
        int space = head.lastIndexOf(' ');
        return (space > LABEL_CHARS / 2 ? head.substring(0, space) : head).strip() + "…";
    }
}
