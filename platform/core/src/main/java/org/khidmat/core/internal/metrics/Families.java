package org.khidmat.core.internal.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Metric;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import org.khidmat.core.internal.metrics.MetricTable.Definition;

/**
 * Every metric of {@link MetricTable} in a Prometheus registry of its own (not the library's global one): classic
 * histograms, no exemplars, the outcomes known in advance at 0. Making it loads and initialises the library (a tenth
 * to a quarter of a second of CPU in a cold JVM), which is why {@link PrometheusMetrics} makes it off the start path.
 */
final class Families {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Map<String, Metric> metrics = new HashMap<>();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private boolean jvm;

    Families() {
        for (Definition d : MetricTable.ALL) {
            String[] labels = d.labels().toArray(String[]::new);
            Metric m = switch (d.type()) {
                case COUNTER -> Counter.builder().name(d.name()).help(d.help()).labelNames(labels).withoutExemplars()
                        .register(registry);
                case HISTOGRAM -> Histogram.builder().name(d.name()).help(d.help()).labelNames(labels)
                        .classicOnly().classicUpperBounds(d.buckets()).withoutExemplars().register(registry);
                case GAUGE -> Gauge.builder().name(d.name()).help(d.help()).labelNames(labels).withoutExemplars()
                        .register(registry);
            };
            metrics.put(d.name(), m);
        }
        MetricTable.INITIAL.forEach((name, combinations) -> combinations.forEach(values -> {
            Metric m = metrics.get(name);
            String[] v = values.toArray(String[]::new);
            if (m instanceof Counter c) {
                c.labelValues(v);
            } else if (m instanceof Histogram h) {
                h.labelValues(v);
            }
        }));
    }

    /** Applies one event; the name, type and label count were checked by the caller. */
    void apply(MetricTable.Type type, String name, double value, String[] labels) {
        Metric m = metrics.get(name);
        switch (type) {
            case COUNTER -> {
                Counter c = (Counter) m;
                if (labels.length == 0) {
                    c.inc(value);
                } else {
                    c.labelValues(labels).inc(value);
                }
            }
            case HISTOGRAM -> {
                Histogram h = (Histogram) m;
                if (labels.length == 0) {
                    h.observe(value);
                } else {
                    h.labelValues(labels).observe(value);
                }
            }
            case GAUGE -> {
                Gauge g = (Gauge) m;
                if (labels.length == 0) {
                    g.set(value);
                } else {
                    g.labelValues(labels).set(value);
                }
            }
        }
    }

    /** Writes the text format; the JVM and process figures are registered at the first write. */
    synchronized void write(OutputStream out) throws IOException {
        if (!jvm) {
            JvmMetrics.builder().register(registry);
            jvm = true;
        }
        writer.write(out, registry.scrape());
    }
}
