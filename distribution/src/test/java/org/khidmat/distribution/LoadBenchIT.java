package org.khidmat.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A smoke run of the load benchmark ({@code distribution/bench/load.sh --quick}) against the built distribution:
 * it must finish and print every row of its table with figures in each cell. How fast the centre is, is not
 * asserted. Skipped only where {@code wrk} is not installed (.ci/run installs it).
 */
class LoadBenchIT {
    /** The table's rows, by how each begins after {@code | }. */
    private static final List<String> ROWS = List.of("`GET /api/v1/services`, ", "catalogue page `/` ",
            "durable applications/s, 1 / 8 / 32 clients, against naive SQLite in process",
            "durable applications/s, 1 / 8 / 32 clients, against bare Jetty \\+ naive SQLite over HTTP",
            "\\d+ services: `GET /api/v1/services`",
            "\\d+ services: start ", "1,000 applications: track p50 / p99", "1,000 applications: `/figures` \\(30 days\\)",
            "1,000 applications: `/figures` for a year", "1,000 applications: `/figures.csv`",
            "1,000 applications: agency inbox", "1,000 applications: RSS", "1,000 applications: generator, fill time");
    private static final Pattern FIGURE = Pattern.compile("\\d");

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
        }
        assertEquals(ROWS.size() + 2, table.size(), "no row more than the expected ones:\n" + String.join("\n", table));
        assertTrue(out.contains("rerun: distribution/bench/load.sh "), out);
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
