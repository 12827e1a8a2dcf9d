package org.khidmat.core.internal.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.khidmat.api.platform.Metrics;
import org.khidmat.core.internal.metrics.MetricTable.Definition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * {@link Metrics} with the Prometheus Java client 1.x ({@link Families}). The library is loaded off the centre's
 * start path: on a background thread {@link #DELAY} after activation, or at the first scrape if that comes sooner.
 * Events recorded before (the deployer's verdicts at start) are checked at once and kept, at most {@link #EARLY_LIMIT},
 * then applied in order; beyond the limit they are dropped and counted in the log.
 */
@Component(service = Metrics.class)
public final class PrometheusMetrics implements Metrics {
    static final Duration DELAY = Duration.ofSeconds(30);
    static final int EARLY_LIMIT = 100_000;
    private static final Map<String, Definition> DEFINED = MetricTable.ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Definition::name, Function.identity()));

    /** One event recorded before the registry was made. */
    private record Early(MetricTable.Type type, String name, double value, String[] labels) {
    }

    private final Object lock = new Object();
    private final List<Early> early = new ArrayList<>();
    private final Thread maker;
    private volatile Families families;
    private int dropped;

    @Activate
    public PrometheusMetrics() {
        this(DELAY);
    }

    PrometheusMetrics(Duration delay) {
        maker = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
                families();
            } catch (InterruptedException stopped) {
                // deactivated before: the first scrape, if any, makes it
            }
        }, "khidmat-metrics-init");
        maker.setDaemon(true);
        maker.setPriority(Thread.MIN_PRIORITY);
        maker.start();
    }

    @Deactivate
    void stop() {
        maker.interrupt();
    }

    @Override
    public void count(String name, String... labels) {
        record(MetricTable.Type.COUNTER, name, 1, labels);
    }

    @Override
    public void observe(String name, double value, String... labels) {
        record(MetricTable.Type.HISTOGRAM, name, value, labels);
    }

    @Override
    public void set(String name, double value, String... labels) {
        record(MetricTable.Type.GAUGE, name, value, labels);
    }

    @Override
    public void write(OutputStream out) throws IOException {
        families().write(out);
    }

    private void record(MetricTable.Type type, String name, double value, String[] labels) {
        check(type, name, labels);
        Families f = families;
        if (f == null) {
            synchronized (lock) {
                f = families;
                if (f == null) {
                    if (early.size() < EARLY_LIMIT) {
                        early.add(new Early(type, name, value, labels.clone()));
                    } else {
                        dropped++;
                    }
                    return;
                }
            }
        }
        f.apply(type, name, value, labels);
    }

    private Families families() {
        Families f = families;
        if (f != null) {
            return f;
        }
        synchronized (lock) {
            if (families == null) {
                Families made = new Families();
                early.forEach(e -> made.apply(e.type(), e.name(), e.value(), e.labels()));
                early.clear();
                if (dropped > 0) {
                    org.slf4j.LoggerFactory.getLogger(PrometheusMetrics.class)
                            .warn("metrics: {} events recorded before the registry was made were dropped", dropped);
                }
                families = made;
            }
            return families;
        }
    }

    private static void check(MetricTable.Type type, String name, String[] labels) {
        Definition d = DEFINED.get(name);
        if (d == null) {
            throw new IllegalArgumentException("no metric " + name + "; declare it in MetricTable");
        }
        if (d.type() != type) {
            throw new IllegalArgumentException("metric " + name + " is a " + d.type().name().toLowerCase() + ", not a "
                    + type.name().toLowerCase());
        }
        if (labels.length != d.labels().size()) {
            throw new IllegalArgumentException("metric " + name + " takes the labels " + d.labels() + ", got "
                    + labels.length + " values");
        }
        for (String label : labels) {
            if (label == null) {
                throw new IllegalArgumentException("metric " + name + " got a null label value");
            }
        }
    }
}
