package org.khidmat.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.HealthResult;
import org.khidmat.core.internal.metrics.PrometheusMetrics;

class ApprovalCheckTest {
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    @TempDir
    Path pending;

    private void waiting(String sha, Instant uploadedAt) throws Exception {
        Files.write(pending.resolve(sha + ".jar"), new byte[] {'P', 'K'});
        Files.writeString(pending.resolve(sha + ".properties"), "uploadedBy=nadra-dev\nuploadedAt="
                + uploadedAt.toEpochMilli() + "\nagency=nadra\n");
    }

    private static String scrape(PrometheusMetrics metrics) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void countsTheWaitingJarsAndWarnsWhenOneWaitsTooLong() throws Exception {
        PrometheusMetrics metrics = new PrometheusMetrics();
        ApprovalCheck check = new ApprovalCheck(pending, metrics, Duration.ofHours(24), Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(HealthResult.Status.OK, check.check().status());
        assertTrue(scrape(metrics).contains("\nkhidmat_bundles_awaiting_approval 0.0\n"), scrape(metrics));

        waiting("a".repeat(64), NOW.minus(Duration.ofHours(2)));
        waiting("b".repeat(64), NOW.minus(Duration.ofHours(3)));
        HealthResult fresh = check.check();
        assertEquals(HealthResult.Status.OK, fresh.status(), fresh.message());
        assertTrue(scrape(metrics).contains("\nkhidmat_bundles_awaiting_approval 2.0\n"));
        assertTrue(scrape(metrics).contains("\nkhidmat_bundle_approval_oldest_wait_seconds 10800.0\n"));

        waiting("c".repeat(64), NOW.minus(Duration.ofHours(30)));
        HealthResult late = check.check();
        assertEquals(HealthResult.Status.WARN, late.status(), late.message());
        assertTrue(late.message().contains("3 bundles wait") && late.message().contains("/admin"), late.message());
    }

    @Test
    void aJarWhoseDescriptionIsNotWrittenYetIsSkippedAndNoFolderIsNone() throws Exception {
        Files.write(pending.resolve("d".repeat(64) + ".jar"), new byte[] {'P', 'K'});
        assertEquals(0, ApprovalCheck.waitingSince(pending).size());
        assertEquals(0, ApprovalCheck.waitingSince(pending.resolve("absent")).size());
    }
}
