import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --starts-only}: warm starts alone, the samples against the samples with {@code --bundles} made-up bundles
 * beside them, for this build and (with {@code --against}) another, every home started in turn in each round so
 * that the machine's other work falls on all alike. Each figure is launch to the ready line, with every service
 * listed (the ready line waits for deploy/), and the resident set a second after.
 */
final class Starts {
    private Starts() {
    }

    private record Case(String name, Home home, List<Double> starts, List<Double> cpu, List<Double> rss) {
    }

    static void measure(Options o, Table table) throws Exception {
        Map<String, Path> builds = new LinkedHashMap<>();
        builds.put("this build", o.dist);
        if (o.against != null) {
            builds.put("against", o.against);
        }
        List<Case> cases = new ArrayList<>();
        try {
            for (Map.Entry<String, Path> b : builds.entrySet()) {
                Home few = Home.copy(b.getValue(), "starts-few");
                cases.add(new Case(b.getKey() + ", samples", few, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
                Home wide = Home.copy(b.getValue(), "starts-wide");
                int extra = ExtraServices.write(wide.dir.resolve("deploy"), o.bundles, 10);
                cases.add(new Case(b.getKey() + ", samples + " + extra, wide, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            }
            for (Case c : cases) {
                c.home().start(); // the first start of a home also records its class-data archive: not measured
                String list = new String(new Client().get(c.home().url("/api/v1/services")).body(), "UTF-8");
                System.out.println(c.name() + ": " + Load.count(list, "\"bundle\":") + " services listed at the ready line");
                c.home().stop();
            }
            for (int i = 0; i < o.starts; i++) {
                for (Case c : cases) {
                    c.starts().add(c.home().start());
                    c.cpu().add(c.home().cpuSeconds());
                    Thread.sleep(1000);
                    c.rss().add(c.home().rssMb());
                    c.home().stop();
                }
            }
            Case base = cases.get(0);
            for (Case c : cases) {
                table.add(c.name() + ": start / processor time to the ready line / RSS idle (medians of " + o.starts + ")",
                        Table.seconds(Table.median(c.starts())) + " / " + Table.seconds(Table.median(c.cpu())) + " / "
                                + Table.mb(Table.median(c.rss())),
                        "starts " + c.starts().stream().map(Table::seconds).toList() + ", processor "
                                + c.cpu().stream().map(Table::seconds).toList(),
                        Table.ratio(Table.median(c.starts()), Table.median(base.starts())) + " / "
                                + Table.ratio(Table.median(c.cpu()), Table.median(base.cpu())) + " / "
                                + Table.ratio(Table.median(c.rss()), Table.median(base.rss())));
            }
        } finally {
            for (Case c : cases) {
                c.home().close();
            }
        }
    }
}
