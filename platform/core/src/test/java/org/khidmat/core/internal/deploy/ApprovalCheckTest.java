package org.khidmat.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.HealthResult;
import org.khidmat.api.store.WaitingBundle;
import org.khidmat.core.internal.metrics.PrometheusMetrics;

class ApprovalCheckTest {
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private final MemoryDeployerState.Approvals approvals = MemoryDeployerState.empty().approvals;

    private void waiting(String sha, Instant uploadedAt) {
        approvals.park(WaitingBundle.of(sha, "org.test.nadra", "1.0.0", "nadra", "nadra-dev", uploadedAt),
                new byte[] {'P', 'K'});
    }

    private static String scrape(PrometheusMetrics metrics) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void countsTheWaitingJarsAndWarnsWhenOneWaitsTooLong() throws Exception {
        PrometheusMetrics metrics = new PrometheusMetrics();
        ApprovalCheck check = new ApprovalCheck(approvals, metrics, Duration.ofHours(24), Clock.fixed(NOW, ZoneOffset.UTC));
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
    void anApprovedOrRejectedJarNoLongerCountsAndAnUnreadableListWarns() {
        PrometheusMetrics metrics = new PrometheusMetrics();
        ApprovalCheck check = new ApprovalCheck(approvals, metrics, Duration.ofHours(24), Clock.fixed(NOW, ZoneOffset.UTC));
        waiting("a".repeat(64), NOW.minus(Duration.ofHours(30)));
        waiting("b".repeat(64), NOW.minus(Duration.ofHours(1)));
        assertEquals(HealthResult.Status.WARN, check.check().status());
        approvals.approve("a".repeat(64), "admin", NOW);
        assertEquals(HealthResult.Status.OK, check.check().status(), "the late one was approved on some node");
        approvals.reject("b".repeat(64));
        assertEquals("no bundle waits for approval", check.check().message());

        ApprovalCheck down = new ApprovalCheck(new MemoryDeployerState.Approvals() {
            @Override
            public synchronized java.util.List<WaitingBundle> waiting() {
                throw new org.khidmat.api.platform.StoreException("list the jars waiting for approval", null);
            }
        }, metrics, Duration.ofHours(24), Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(HealthResult.Status.WARN, down.check().status());
    }
}
