import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's result: one markdown row per measure, with the centre, the baseline of the same run, the ratio. */
final class Table {
    private record Row(String measure, String khidmat, String baseline, String ratio) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String measure, String khidmat, String baseline, String ratio) {
        rows.add(new Row(measure, khidmat, baseline, ratio));
        System.out.println("measured: " + measure + " | " + khidmat + " | " + baseline + " | " + ratio);
    }

    void print(String title, String command) {
        System.out.println();
        System.out.println(title);
        System.out.println();
        System.out.println("| measure | Khidmat | baseline in the same run | ratio |");
        System.out.println("| --- | --- | --- | --- |");
        for (Row r : rows) {
            System.out.println("| " + r.measure() + " | " + r.khidmat() + " | " + r.baseline() + " | " + r.ratio() + " |");
        }
        System.out.println();
        System.out.println("rerun: " + command);
    }

    static String perSecond(double v) {
        return String.format(Locale.ROOT, "%,.0f req/s", v);
    }

    static String ms(double v) {
        return v >= 1000 ? String.format(Locale.ROOT, "%.2f s", v / 1000) : v >= 10
                ? String.format(Locale.ROOT, "%.0f ms", v) : String.format(Locale.ROOT, "%.1f ms", v);
    }

    static String mb(double v) {
        return String.format(Locale.ROOT, "%.0f MB", v);
    }

    static String seconds(double v) {
        return String.format(Locale.ROOT, "%.2f s", v);
    }

    static String ratio(double a, double b) {
        double r = a / b;
        return r >= 10 ? String.format(Locale.ROOT, "%,.0fx", r) : String.format(Locale.ROOT, "%.2f", r);
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get((s.size() - 1) / 2);
    }
}
