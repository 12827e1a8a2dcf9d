package org.khidmat.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md shows every setting of the table, and only those, with the same variable, default and restart;
 * and every {@code KHIDMAT_*} variable that the launcher, the store's tools or {@code bin/khidmat} read is in it.
 */
class SettingTableDocTest {
    private static final Path DOC = Path.of("../../docs/configuration.md");
    private static final Pattern VARIABLE = Pattern.compile("KHIDMAT_[A-Z0-9_]*[A-Z0-9]");

    @Test
    void everyVariableTheCentreReadsIsARowOfTheDocumentedTables() throws Exception {
        Set<String> read = new TreeSet<>();
        List<Path> sources = new ArrayList<>(List.of(Path.of("../../distribution/src/main/dist/bin/khidmat")));
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../store/src/main/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
            }
        }
        for (Path source : sources) {
            Matcher m = VARIABLE.matcher(Files.readString(source));
            while (m.find()) {
                read.add(m.group());
            }
        }
        assertTrue(read.size() >= 10, "the scan found the variables: " + read);
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\|", 4);
                Matcher m = VARIABLE.matcher(cells[1] + " " + cells[2]);
                while (m.find()) {
                    documented.add(m.group());
                }
            }
        }
        Set<String> missing = new TreeSet<>(read);
        missing.removeAll(documented);
        assertTrue(missing.isEmpty(), "read by the centre but in no row of docs/configuration.md (the setting column or"
                + " the variable column): " + missing);
    }

    @Test
    void theDocumentedLauncherTableIsTheLauncherOnlyList() throws Exception {
        List<String> rows = Files.readAllLines(DOC).stream().filter(l -> l.startsWith("| `KHIDMAT_")).toList();
        List<String> expected = SettingTable.LAUNCHER_ONLY.stream().map(s -> "| `" + s.variable() + "` | "
                + (s.fallback().startsWith("(") ? s.fallback() : "`" + s.fallback() + "`") + " | " + s.meaning() + " |")
                .toList();
        assertEquals(expected, rows);
    }

    @Test
    void theDocumentedTableIsTheSettingTable() throws Exception {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("| `org.khidmat.")) {
                rows.add(line);
            }
        }
        List<String> expected = new ArrayList<>();
        for (Setting s : SettingTable.ALL) {
            String fallback = s.fallback().startsWith("(") ? s.fallback() : "`" + s.fallback() + "`";
            expected.add("| `" + s.pid() + "` / `" + s.key() + "` | " + (s.env().isEmpty() ? "" : "`" + s.env() + "` ")
                    + "| " + fallback + " | " + s.meaning());
        }
        assertEquals(expected.size(), rows.size(), "one row a setting");
        for (int i = 0; i < rows.size(); i++) {
            String row = rows.get(i);
            assertTrue(row.startsWith(expected.get(i)), "\n" + row + "\nshould start\n" + expected.get(i));
            assertTrue(row.endsWith(SettingTable.ALL.get(i).live() ? "| yes |" : "| no |"), row);
        }
    }
}
