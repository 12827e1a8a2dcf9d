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
import org.khidmat.api.platform.Metrics;
import org.khidmat.core.internal.metrics.MetricTable.Definition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@link Metrics} with the Prometheus Java client 1.x: a registry of its own (not the library's global one) holding
 * every metric of {@link MetricTable}, made at activation; the JVM and process figures are added at the first scrape,
 * so that the centre's start does not pay for reading them. Text format 0.0.4, without exemplars.
 */
@Component(service = Metrics.class)
public final class PrometheusMetrics implements Metrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Map<String, Metric> metrics = new HashMap<>();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private volatile boolean jvm;

    @Activate
    public PrometheusMetrics() {
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

    @Override
    public void count(String name, String... labels) {
        Counter c = find(name, Counter.class, labels);
        if (labels.length == 0) {
            c.inc();
        } else {
            c.labelValues(labels).inc();
        }
    }

    @Override
    public void observe(String name, double value, String... labels) {
        Histogram h = find(name, Histogram.class, labels);
        if (labels.length == 0) {
            h.observe(value);
        } else {
            h.labelValues(labels).observe(value);
        }
    }

    @Override
    public void set(String name, double value, String... labels) {
        Gauge g = find(name, Gauge.class, labels);
        if (labels.length == 0) {
            g.set(value);
        } else {
            g.labelValues(labels).set(value);
        }
    }

    @Override
    public void write(OutputStream out) throws IOException {
        if (!jvm) {
            synchronized (this) {
                if (!jvm) {
                    JvmMetrics.builder().register(registry);
                    jvm = true;
                }
            }
        }
        writer.write(out, registry.scrape());
    }

    private <T extends Metric> T find(String name, Class<T> type, String[] labels) {
        Metric m = metrics.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no metric " + name + "; declare it in MetricTable");
        }
        if (!type.isInstance(m)) {
            throw new IllegalArgumentException("metric " + name + " is no " + type.getSimpleName().toLowerCase());
        }
        for (String label : labels) {
            if (label == null) {
                throw new IllegalArgumentException("metric " + name + " got a null label value");
            }
        }
        return type.cast(m);
    }
}
