package org.khidmat.core.internal.metrics;

import java.util.List;

/**
 * Every metric the centre records, with its type, help text, label names and (for histograms) bucket bounds. The
 * dashboard and alert rules in {@code conf/monitoring/} use these names; a test checks that a running centre shows
 * each of them. Label values come from small fixed sets: service ids, route patterns, outcome names.
 */
final class MetricTable {
    enum Type { COUNTER, HISTOGRAM, GAUGE }

    /** One metric. */
    record Definition(String name, Type type, String help, List<String> labels, double[] buckets) {
    }

    /** Request latencies: 5 ms to 10 s. */
    static final double[] FAST = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    /** Deploys: 10 ms to a minute. */
    static final double[] DEPLOY = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
    /** Store work: 0.1 ms to 5 s. */
    static final double[] STORE = {0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5};
    /** Waits in the hall: a minute to three hours. */
    static final double[] HALL = {60, 300, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200, 10800};

    static final List<Definition> ALL = List.of(
            counter("khidmat_http_requests_total", "HTTP requests answered, by method, route pattern and status",
                    "method", "route", "status"),
            histogram("khidmat_http_request_duration_seconds", "Time from a request's arrival to its answer's end",
                    FAST, "method", "route"),
            gauge("khidmat_http_threads", "Jetty's request threads: busy, idle, max", "state"),
            gauge("khidmat_http_queued_jobs", "Jobs waiting for a Jetty thread"),
            gauge("khidmat_http_connections", "Open HTTP connections"),
            counter("khidmat_applications_filed_total", "Applications filed and stored", "service"),
            counter("khidmat_applications_refused_total",
                    "Applications not filed: invalid answers, a disabled or unknown service", "service", "reason"),
            counter("khidmat_applications_moved_total", "Applications moved along their workflow", "service"),
            counter("khidmat_payments_total", "Payment steps (start, confirm) by outcome", "step", "outcome"),
            counter("khidmat_notifications_total", "Message deliveries: sent, retried (failed, tried again later), failed"
                    + " (given up)", "channel", "outcome"),
            gauge("khidmat_notification_outbox_backlog", "Messages queued and not yet sent"),
            counter("khidmat_queue_tokens_taken_total", "Queue tokens taken", "centre"),
            histogram("khidmat_queue_wait_seconds", "Wait of a token from taken to called to a counter", HALL, "centre"),
            gauge("khidmat_queue_tokens_waiting", "Tokens of today waiting to be called", "centre"),
            counter("khidmat_deploys_total", "Deployer verdicts: deploy, rollback, withdraw, approve by outcome",
                    "action", "outcome"),
            histogram("khidmat_deploy_duration_seconds", "Time the deployer took for one verdict", DEPLOY, "action"),
            gauge("khidmat_bundles_deployed", "Agency bundles deployed now"),
            gauge("khidmat_bundles_awaiting_approval", "Jars with code waiting for a centre admin's approval"),
            gauge("khidmat_bundle_approval_oldest_wait_seconds",
                    "How long the oldest jar waiting for approval has waited (0 when none waits)"),
            gauge("khidmat_audit_chain_intact", "1 while the audit log's chain verifies, 0 once a check found it broken"),
            gauge("khidmat_audit_verified_seq", "The last audit log entry the background check verified"),
            gauge("khidmat_audit_verified_timestamp_seconds", "When the background check last verified the audit log"),
            histogram("khidmat_store_seconds", "Time of a store read or write, waiting included", STORE, "kind"),
            histogram("khidmat_store_lock_wait_seconds", "Time a store read waited for a reader, or a write for the writer",
                    STORE, "kind"),
            gauge("khidmat_ready", "1 when the centre is ready (every readiness check OK), else 0"),
            gauge("khidmat_health_check_status", "A health check's status: 0 OK, 1 WARN, 2 CRITICAL", "check"),
            gauge("khidmat_data_disk_free_bytes", "Free space on the disk that holds data/"));

    /**
     * Label values known in advance, shown at 0 from the start so that alert rules on their rate see a series before
     * the first event: the deployer's verdicts, message outcomes, payment steps, store kinds.
     */
    static final java.util.Map<String, List<List<String>>> INITIAL = java.util.Map.of(
            "khidmat_deploys_total", cross(List.of("deploy", "rollback", "withdraw"), List.of("done", "refused")),
            "khidmat_notifications_total", cross(List.of("sms", "email"), List.of("sent", "retried", "failed")),
            "khidmat_payments_total", cross(List.of("start", "confirm"), List.of("paid", "pending", "provider_failed")),
            "khidmat_store_seconds", List.of(List.of("read"), List.of("write")),
            "khidmat_store_lock_wait_seconds", List.of(List.of("read"), List.of("write")));

    private MetricTable() {
    }

    private static List<List<String>> cross(List<String> a, List<String> b) {
        return a.stream().flatMap(x -> b.stream().map(y -> List.of(x, y))).toList();
    }

    private static Definition counter(String name, String help, String... labels) {
        return new Definition(name, Type.COUNTER, help, List.of(labels), null);
    }

    private static Definition histogram(String name, String help, double[] buckets, String... labels) {
        return new Definition(name, Type.HISTOGRAM, help, List.of(labels), buckets);
    }

    private static Definition gauge(String name, String help, String... labels) {
        return new Definition(name, Type.GAUGE, help, List.of(labels), null);
    }
}
