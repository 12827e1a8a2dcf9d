import java.util.List;
import java.util.Locale;

/**
 * The engines benchmark's result: one markdown row per configuration with its figures and their ratio to the first
 * configuration (SQLite, one node), then a row per configuration of where a filing's time went, then the statements a
 * filing runs on PostgreSQL.
 */
final class EnginesTable {
    static final String HEADER = "| configuration | durable applications/s at 1 / 8 / 32 clients | filing p50 / p99 at 32"
            + " clients | track p50 / p99, " + Engines.TRACKERS + " clients | ratio to SQLite one node: applications/s at"
            + " 1 / 8 / 32; track p99 |";
    static final String WHY = "| configuration | processor ms per filing at 32 clients: nodes / PostgreSQL |"
            + " PostgreSQL's connections at 32 clients (share of samples, mean count) | statements per filing |";

    private EnginesTable() {
    }

    static void print(Options o, List<Engines.Measured> all, double seconds) {
        Engines.Measured base = all.get(0);
        System.out.println();
        System.out.printf(Locale.ROOT, "Khidmat engines benchmark: %d cores, Java %s, %d s a load, %d round(s), %.0f s in"
                + " all; every configuration runs on this one machine (nodes, PostgreSQL and the load client share its"
                + " cores), so compare only the ratios within one run%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), o.seconds, o.rounds, seconds);
        System.out.println();
        System.out.println(HEADER);
        System.out.println("| --- | --- | --- | --- | --- |");
        for (Engines.Measured m : all) {
            Spread.Result[] f = m.filing;
            String apps = String.format(Locale.ROOT, "%.0f / %.0f / %.0f", f[0].perSecond(), f[1].perSecond(),
                    f[2].perSecond()) + Spread.Result.merged(f).notExpected(201);
            String latency = Table.ms(f[2].p50Ms()) + " / " + Table.ms(f[2].p99Ms());
            String track = Table.ms(m.track.p50Ms()) + " / " + Table.ms(m.track.p99Ms())
                    + String.format(Locale.ROOT, " (%.0f/s)", m.track.perSecond())
                    + m.track.notExpected(200);
            String ratio = Table.ratio(f[0].perSecond(), base.filing[0].perSecond()) + " / "
                    + Table.ratio(f[1].perSecond(), base.filing[1].perSecond()) + " / "
                    + Table.ratio(f[2].perSecond(), base.filing[2].perSecond()) + "; "
                    + Table.ratio(m.track.p99Ms(), base.track.p99Ms());
            System.out.println("| " + m.cluster.name + " | " + apps + " | " + latency + " | " + track + " | " + ratio + " |");
        }
        System.out.println();
        System.out.println(WHY);
        System.out.println("| --- | --- | --- | --- |");
        for (Engines.Measured m : all) {
            boolean pg = m.cluster.pgDatabase != null;
            String cpu = String.format(Locale.ROOT, "%.2f / %s", m.nodesCpuMs,
                    pg ? String.format(Locale.ROOT, "%.2f", m.pgCpuMs) : "none");
            System.out.println("| " + m.cluster.name + " | " + cpu + " | " + (pg ? m.waits : "none (SQLite)") + " | "
                    + (pg ? String.format(Locale.ROOT, "%.1f", m.statementsPerFiling) : "none (SQLite)") + " |");
        }
        for (Engines.Measured m : all) {
            if (!m.statementList.isEmpty()) {
                System.out.println();
                System.out.println("statements per filing, " + m.cluster.name + " (pg_stat_statements, one client):");
                m.statementList.forEach(s -> System.out.println("  " + s));
            }
        }
        System.out.println();
        System.out.println("rerun: distribution/bench/load.sh " + String.join(" ", o.given));
    }
}
