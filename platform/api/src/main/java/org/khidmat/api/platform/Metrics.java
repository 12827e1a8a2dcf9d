package org.khidmat.api.platform;

import java.io.IOException;
import java.io.OutputStream;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The centre's figures for operators, in the Prometheus text format: platform bundles record events by metric name,
 * and only the implementation knows the metrics library, the metrics' types, help texts, label names and buckets.
 * Label values must come from small, fixed sets (a service id, a route pattern, a status code), never from what a
 * citizen typed: no CNIC, reference or raw path in a label. Agency bundles cannot see this service.
 */
@ProviderType
public interface Metrics {

    /**
     * Adds one to a counter.
     *
     * @param name a counter the implementation defines, like {@code khidmat_applications_filed_total}
     * @param labels the label values, in the order the metric declares its label names
     * @throws IllegalArgumentException for an unknown name, a name of another type, or the wrong number of labels
     */
    void count(String name, String... labels);

    /**
     * Records one observation of a histogram, such as a duration.
     *
     * @param name a histogram the implementation defines, like {@code khidmat_deploy_duration_seconds}
     * @param value the observation, in the unit the name ends with (seconds)
     * @param labels the label values
     * @throws IllegalArgumentException for an unknown name, a name of another type, or the wrong number of labels
     */
    void observe(String name, double value, String... labels);

    /**
     * Sets a gauge, such as the tokens waiting or the messages not yet sent.
     *
     * @param name a gauge the implementation defines
     * @param value its value now
     * @param labels the label values
     * @throws IllegalArgumentException for an unknown name, a name of another type, or the wrong number of labels
     */
    void set(String name, double value, String... labels);

    /**
     * Writes every metric in the Prometheus text format (version 0.0.4), JVM and process figures included.
     *
     * @param out where to write; not closed
     * @throws IOException when writing fails
     */
    void write(OutputStream out) throws IOException;
}
