package org.khidmat.web.internal.figures;

import org.khidmat.web.internal.http.Http;

import java.util.List;
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

    /**
     * @param id the chart's id, unique in the page
     * @param title what it shows, as text
     * @param bars the bars, top to bottom
     * @param max the scale's end, or {@code 0} to round up from the largest value and mark
     * @param noData what to show beside a bar without data, as text
     * @return the SVG element
     */
    static String svg(String id, String title, List<Bar> bars, double max, String noData) {
        double end = max > 0 ? max : niceMax(bars.stream().flatMap(b -> java.util.stream.Stream.of(b.value(), b.mark()))
                .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(0));
        int height = TOP + bars.size() * ROW + 24;
        StringBuilder desc = new StringBuilder();
        StringBuilder g = new StringBuilder();
        int y = TOP;
        for (Bar b : bars) {
            desc.append(b.label()).append(": ").append(b.value() == null ? noData : b.shown()).append(". ");
            g.append("<text x=\"").append(LABELS - 8).append("\" y=\"").append(y + 17).append("\" text-anchor=\"end\">")
                    .append(Http.escape(clip(b.label()))).append("</text>");
            int w = b.value() == null ? 0 : length(b.value(), end, PLOT);
            if (w > 0) {
                g.append("<rect class=\"bar\" x=\"").append(LABELS).append("\" y=\"").append(y + 4).append("\" width=\"").append(w)
                        .append("\" height=\"").append(ROW - 8).append("\"/>");
            }
            g.append("<text x=\"").append(LABELS + w + 6).append("\" y=\"").append(y + 17).append("\">")
                    .append(Http.escape(b.value() == null ? noData : b.shown())).append("</text>");
            if (b.mark() != null) {
                int x = LABELS + length(b.mark(), end, PLOT);
                g.append("<line class=\"mark\" x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"").append(y + 1)
                        .append("\" y2=\"").append(y + ROW - 1).append("\"/>");
            }
            y += ROW;
        }
        StringBuilder axis = new StringBuilder("<line class=\"axis\" x1=\"").append(LABELS).append("\" x2=\"").append(LABELS + PLOT)
                .append("\" y1=\"").append(y + 2).append("\" y2=\"").append(y + 2).append("\"/>");
        for (double tick : new double[] {0, end / 2, end}) {
            int x = LABELS + length(tick, end, PLOT);
            axis.append("<line class=\"axis\" x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"").append(y + 2)
                    .append("\" y2=\"").append(y + 6).append("\"/><text class=\"tick\" x=\"").append(x).append("\" y=\"")
                    .append(y + 18).append("\" text-anchor=\"middle\">").append(tick(tick)).append("</text>");
        }
        String t = Http.escape(title);
        return "<svg class=\"chart\" id=\"" + id + "\" role=\"img\" aria-label=\"" + t + "\" aria-describedby=\"" + id
                + "-desc\" viewBox=\"0 0 " + WIDTH + " " + height + "\" width=\"" + WIDTH + "\" height=\"" + height
                + "\" direction=\"ltr\" xmlns=\"http://www.w3.org/2000/svg\"><title>" + t + "</title><desc id=\"" + id + "-desc\">"
                + Http.escape(desc.toString().strip()) + "</desc>" + g + axis + "</svg>";
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
