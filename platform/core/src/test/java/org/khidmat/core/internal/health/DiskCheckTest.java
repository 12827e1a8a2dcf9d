package org.khidmat.core.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.HealthResult;
import org.khidmat.core.internal.metrics.PrometheusMetrics;

class DiskCheckTest {
    @TempDir
    Path data;

    @Test
    void okWarnAndCriticalByFreeSpaceAndTheGaugeIsSet() throws Exception {
        PrometheusMetrics metrics = new PrometheusMetrics();
        assertEquals(HealthResult.Status.OK, new DiskCheck(data, metrics, 1).check().status());
        long free = data.toFile().getUsableSpace();
        HealthResult warn = new DiskCheck(data, metrics, free * 2).check();
        assertEquals(HealthResult.Status.WARN, warn.status(), warn.message());
        HealthResult critical = new DiskCheck(data, metrics, free * 20).check();
        assertEquals(HealthResult.Status.CRITICAL, critical.status(), critical.message());
        assertTrue(critical.message().contains("MB free for data/") && !critical.message().contains(data.toString()),
                critical.message());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        assertTrue(out.toString(StandardCharsets.UTF_8).lines().anyMatch(l -> l.startsWith("khidmat_data_disk_free_bytes ")
                && !l.endsWith(" 0.0")));
    }
}
