package org.khidmat.core.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrometheusMetricsTest {
    private final PrometheusMetrics metrics = new PrometheusMetrics();

    private String text() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void countsObservesAndSetsByName() throws IOException {
        metrics.count("khidmat_applications_filed_total", "nadra.cnic-renewal");
        metrics.count("khidmat_applications_filed_total", "nadra.cnic-renewal");
        metrics.observe("khidmat_deploy_duration_seconds", 0.3, "deploy");
        metrics.set("khidmat_ready", 1);
        String text = text();
        assertTrue(text.contains("khidmat_applications_filed_total{service=\"nadra.cnic-renewal\"} 2.0"), text);
        assertTrue(text.contains("khidmat_deploy_duration_seconds_bucket{action=\"deploy\",le=\"0.5\"} 1"), text);
        assertTrue(text.contains("khidmat_deploy_duration_seconds_count{action=\"deploy\"} 1"), text);
        assertTrue(text.contains("\nkhidmat_ready 1.0"), text);
    }

    @Test
    void everyDeclaredMetricIsWrittenOnceUsedAndFixedOutcomesFromTheStart() throws IOException {
        String before = text();
        assertTrue(before.contains("khidmat_deploys_total{action=\"deploy\",outcome=\"refused\"} 0.0"), before);
        assertTrue(before.contains("khidmat_notifications_total{channel=\"sms\",outcome=\"failed\"} 0.0"), before);
        for (MetricTable.Definition d : MetricTable.ALL) {
            String[] labels = d.labels().stream().map(l -> "x").toArray(String[]::new);
            switch (d.type()) {
                case COUNTER -> metrics.count(d.name(), labels);
                case HISTOGRAM -> metrics.observe(d.name(), 1, labels);
                case GAUGE -> metrics.set(d.name(), 1, labels);
            }
        }
        String text = text();
        for (MetricTable.Definition d : MetricTable.ALL) {
            String type = d.type().name().toLowerCase();
            String base = d.name();
            assertTrue(text.contains("# TYPE " + base + " " + type), d.name() + " missing from\n" + text);
        }
    }

    @Test
    void theJvmAndProcessFiguresAreWritten() throws IOException {
        String text = text();
        assertTrue(text.contains("jvm_memory_used_bytes"), text);
        assertTrue(text.contains("process_cpu_seconds_total"), text);
    }

    @Test
    void anUnknownNameOrTheWrongTypeOrLabelsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> metrics.count("khidmat_nothing_total"));
        assertThrows(IllegalArgumentException.class, () -> metrics.set("khidmat_applications_filed_total", 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> metrics.count("khidmat_applications_filed_total"));
        assertThrows(IllegalArgumentException.class, () -> metrics.count("khidmat_applications_filed_total", "a", "b"));
        assertThrows(IllegalArgumentException.class, () -> metrics.count("khidmat_applications_filed_total", (String) null));
    }

    @Test
    void eventsBeforeTheRegistryIsMadeAreKeptAndAppliedInOrder() throws IOException {
        PrometheusMetrics later = new PrometheusMetrics(java.time.Duration.ofHours(1));
        later.count("khidmat_deploys_total", "deploy", "done");
        later.count("khidmat_deploys_total", "deploy", "done");
        later.set("khidmat_bundles_deployed", 3);
        later.set("khidmat_bundles_deployed", 5);
        assertThrows(IllegalArgumentException.class, () -> later.count("khidmat_nothing_total"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        later.write(out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("khidmat_deploys_total{action=\"deploy\",outcome=\"done\"} 2.0"), text);
        assertTrue(text.contains("\nkhidmat_bundles_deployed 5.0"), text);
        later.stop();
    }

    @Test
    void theRegistryIsMadeInTheBackgroundAfterTheDelay() throws Exception {
        PrometheusMetrics soon = new PrometheusMetrics(java.time.Duration.ofMillis(1));
        soon.count("khidmat_applications_filed_total", "a.b");
        long deadline = System.nanoTime() + 10_000_000_000L;
        java.lang.reflect.Field f = PrometheusMetrics.class.getDeclaredField("families");
        f.setAccessible(true);
        while (f.get(soon) == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(f.get(soon) != null, "made by the background thread, without a scrape");
    }

    @Test
    void labelValuesAreEscaped() throws IOException {
        metrics.count("khidmat_applications_refused_total", "x\"y", "invalid");
        assertEquals(1, text().lines().filter(l -> l.startsWith("khidmat_applications_refused_total{")
                && l.contains("service=\"x\\\"y\"")).count());
    }
}
