package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FilingBench} in brief, in every build: it runs, its checks hold, and it prints a line a thread count. */
class FilingBenchSmokeTest {
    @TempDir
    Path dir;

    @Test
    void aSecondOfEachWayFilesWithoutLossOrFailure() throws Exception {
        List<String> lines = FilingBench.table(dir, 1, 1, 1, 8);
        assertEquals(3, lines.size(), String.join("\n", lines));
        for (String line : lines.subList(1, 3)) {
            assertTrue(line.matches("(1|8) +[\\d,]+/s p50 .* ms +[\\d,]+/s p50 .* ms +\\d+\\.\\d\\d"), line);
        }
    }
}
