/**
 * The centre's metrics: the one place that knows the Prometheus Java client. Other components record events through
 * {@link org.khidmat.api.platform.Metrics} by name; {@link org.khidmat.core.internal.metrics.MetricTable} declares every
 * name with its type, help, labels and buckets.
 */
package org.khidmat.core.internal.metrics;
