package org.khidmat.core.internal.metrics;

import java.util.Locale;
import java.util.function.Supplier;
import org.khidmat.api.platform.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a component records through: the {@link Metrics} service when there is one (an optional, dynamic reference),
 * nothing otherwise (unit tests, a centre whose metrics are gone). A metric that cannot be recorded never fails the
 * work being measured: it is logged once.
 */
public final class Meter {
    /** The {@code centre} label when no centre is configured (unit tests). */
    public static final String DEFAULT_CENTRE = "main";
    private static final Logger LOG = LoggerFactory.getLogger(Meter.class);
    private final Supplier<Metrics> metrics;
    private volatile boolean warned;

    /** @param metrics gives the service, or {@code null} while there is none */
    public Meter(Supplier<Metrics> metrics) {
        this.metrics = metrics;
    }

    public void count(String name, String... labels) {
        Metrics m = metrics.get();
        if (m != null) {
            try {
                m.count(name, labels);
            } catch (RuntimeException e) {
                warn(name, e);
            }
        }
    }

    public void observe(String name, double value, String... labels) {
        Metrics m = metrics.get();
        if (m != null) {
            try {
                m.observe(name, value, labels);
            } catch (RuntimeException e) {
                warn(name, e);
            }
        }
    }

    public void set(String name, double value, String... labels) {
        Metrics m = metrics.get();
        if (m != null) {
            try {
                m.set(name, value, labels);
            } catch (RuntimeException e) {
                warn(name, e);
            }
        }
    }

    /** @return seconds since {@code startNanos} (a {@link System#nanoTime()}) */
    public static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** @return an outcome's name as a label value: {@code PROVIDER_FAILED} -> {@code provider_failed} */
    public static String label(Enum<?> outcome) {
        return outcome == null ? "none" : outcome.name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param shortName the centre's id ({@code id} of {@code org.khidmat.centre}, a code that stays when the centre
     *        is renamed: what the metrics' {@code centre} label carries), or any other name
     * @return it as a label value: lowercase ASCII letters and digits, any other run of characters one '-', at most
     *         40 characters ({@code "Khidmat F-6"} -> {@code khidmat-f-6}); {@value #DEFAULT_CENTRE} when nothing is left
     */
    public static String centre(String shortName) {
        String c = shortName == null ? "" : shortName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        c = c.length() > 40 ? c.substring(0, 40).replaceAll("-+$", "") : c;
        return c.isEmpty() ? DEFAULT_CENTRE : c;
    }

    private void warn(String name, RuntimeException e) {
        if (!warned) {
            warned = true;
            LOG.warn("metrics: {} not recorded: {}", name, e.getMessage());
        }
    }
}
