package org.khidmat.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/configuration.md shows every setting of the table, and only those, with the same variable, default and restart. */
class SettingTableDocTest {

    @Test
    void theDocumentedTableIsTheSettingTable() throws Exception {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../../docs/configuration.md"))) {
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
