import java.util.ArrayList;
import java.util.List;

/**
 * The centre with {@code --bundles} made-up bundles of 10 services beside the samples, against the samples alone
 * (the home the reads ran on), both running: starts alternating (launch to the ready line, the other centre idle
 * meanwhile), the resident set idle and at its peak under load, and the catalogue JSON in alternating rounds.
 */
final class ManyServices {
    private ManyServices() {
    }

    static void measure(Options o, Home base, Table table) throws Exception {
        try (Home wide = Home.copy(o.dist, "wide")) {
            int extra = ExtraServices.write(wide.dir.resolve("deploy"), o.bundles, 10);
            wide.start(); // the first start of a home also records its class-data archive: not measured
            List<Double> baseStarts = new ArrayList<>();
            List<Double> wideStarts = new ArrayList<>();
            for (int i = 0; i < o.starts; i++) {
                base.stop();
                baseStarts.add(base.start());
                wide.stop();
                wideStarts.add(wide.start());
            }
            int samples = Load.count(new String(new Client().get(base.url("/api/v1/services")).body(), "UTF-8"), "\"bundle\":");
            int all = 0;
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (all != samples + extra && System.nanoTime() < deadline) {
                Thread.sleep(all == 0 ? 0 : 200); // the ready line may come before the last bundle is listed
                all = Load.count(new String(new Client().get(wide.url("/api/v1/services")).body(), "UTF-8"), "\"bundle\":");
            }
            if (all != samples + extra) {
                throw new IllegalStateException("the centre lists " + all + " services, not " + samples + " + " + extra
                        + " made up: see " + wide.dir.resolve("logs") + " and deploy/*.failed");
            }
            Thread.sleep(1000);
            double baseIdle = base.rssMb();
            double wideIdle = wide.rssMb();
            List<Wrk.Result> mine = new ArrayList<>();
            List<Wrk.Result> few = new ArrayList<>();
            double widePeak = 0;
            double basePeak = 0;
            Wrk.get(wide.url("/api/v1/services"), 32, o.seconds); // warming the JIT of both, not counted
            Wrk.get(base.url("/api/v1/services"), 32, o.seconds);
            for (int round = 0; round < o.rounds; round++) {
                Home.Peak<Wrk.Result> w = wide.peakRss(() -> Wrk.get(wide.url("/api/v1/services"), 32, o.seconds));
                Home.Peak<Wrk.Result> b = base.peakRss(() -> Wrk.get(base.url("/api/v1/services"), 32, o.seconds));
                mine.add(w.result());
                few.add(b.result());
                widePeak = Math.max(widePeak, w.rssMb());
                basePeak = Math.max(basePeak, b.rssMb());
            }
            Wrk.Result k = Load.best(mine);
            Wrk.Result f = Load.best(few);
            table.add(all + " services: `GET /api/v1/services`, 32 connections",
                    Table.perSecond(k.perSecond()) + ", p99 " + Table.ms(k.p99Ms()) + Load.unexpected(mine),
                    samples + " services: " + Table.perSecond(f.perSecond()) + ", p99 " + Table.ms(f.p99Ms()) + Load.unexpected(few),
                    Table.ratio(k.perSecond(), f.perSecond()));
            table.add(all + " services: start (median of " + o.starts + ") / RSS idle / RSS under load",
                    Table.seconds(Table.median(wideStarts)) + " / " + Table.mb(wideIdle) + " / " + Table.mb(widePeak),
                    samples + " services: " + Table.seconds(Table.median(baseStarts)) + " / " + Table.mb(baseIdle) + " / "
                            + Table.mb(basePeak),
                    Table.ratio(Table.median(wideStarts), Table.median(baseStarts)) + " / " + Table.ratio(wideIdle, baseIdle)
                            + " / " + Table.ratio(widePeak, basePeak));
            base.stop();
        }
    }
}
