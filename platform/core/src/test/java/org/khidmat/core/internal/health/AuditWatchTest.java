package org.khidmat.core.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.khidmat.api.store.AuditCheck;
import org.khidmat.api.store.AuditEntry;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.platform.HealthResult;
import org.khidmat.core.internal.metrics.PrometheusMetrics;

class AuditWatchTest {
    /** A log of {@code entries} entries that is broken from {@code brokenAt} on (0: intact); says which checks ran. */
    static final class Log implements AuditLog {
        long entries = 10;
        long brokenAt;
        final List<String> calls = new ArrayList<>();

        @Override
        public AuditEntry append(String actor, String action, String subject, String detail) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuditEntry> search(String text, int limit) {
            return List.of();
        }

        @Override
        public List<AuditEntry> actions(String prefix, int limit) {
            return List.of();
        }

        @Override
        public AuditCheck verify() {
            calls.add("all");
            return brokenAt > 0 ? AuditCheck.of(false, brokenAt, brokenAt, "audit log broken at entry " + brokenAt)
                    : AuditCheck.of(true, entries, 0, "audit log intact");
        }

        @Override
        public AuditCheck verifyFrom(long seq) {
            calls.add("from " + seq);
            return brokenAt >= seq ? AuditCheck.of(false, brokenAt - seq + 1, brokenAt, "audit log broken at entry "
                    + brokenAt) : AuditCheck.of(true, Math.max(0, entries - seq + 1), 0, "audit log intact");
        }
    }

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    private static double gauge(PrometheusMetrics metrics, String name) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(name.length() + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }

    @Test
    void aTamperedEntryTurnsTheGaugeToZeroAndTheCheckCritical() throws Exception {
        Log log = new Log();
        PrometheusMetrics metrics = new PrometheusMetrics();
        AuditWatch watch = new AuditWatch(log, metrics, Clock.fixed(T0, ZoneOffset.UTC), null);
        assertEquals(HealthResult.Status.OK, watch.check().status(), "not checked yet");
        watch.round();
        assertEquals(List.of("all"), log.calls, "the first round checks the whole log");
        assertEquals(1, gauge(metrics, "khidmat_audit_chain_intact"));
        assertEquals(10, gauge(metrics, "khidmat_audit_verified_seq"));
        assertEquals(T0.getEpochSecond(), gauge(metrics, "khidmat_audit_verified_timestamp_seconds"));
        assertEquals(HealthResult.Status.OK, watch.check().status());

        log.entries = 14;
        watch.round();
        assertEquals("from 11", log.calls.get(1), "then only the new entries");
        assertEquals(14, gauge(metrics, "khidmat_audit_verified_seq"));

        log.entries = 16;
        log.brokenAt = 15;
        watch.round();
        assertEquals("from 15", log.calls.get(2));
        assertEquals(0, gauge(metrics, "khidmat_audit_chain_intact"));
        assertEquals(14, gauge(metrics, "khidmat_audit_verified_seq"), "the last entry known good");
        HealthResult broken = watch.check();
        assertEquals(HealthResult.Status.CRITICAL, broken.status());
        assertTrue(broken.message().contains("broken at entry 15") && broken.message().contains("verify-audit"),
                broken.message());

        watch.round();
        assertEquals("all", log.calls.get(3), "while broken, the whole log again");
        log.brokenAt = 0;
        watch.round();
        assertEquals(1, gauge(metrics, "khidmat_audit_chain_intact"), "a restored log verifies again");
        assertEquals(HealthResult.Status.OK, watch.check().status());
    }

    @Test
    void theWholeLogIsCheckedAgainEachDay() {
        Log log = new Log();
        Instant[] now = {T0};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        AuditWatch watch = new AuditWatch(log, new PrometheusMetrics(), clock, null);
        watch.round();
        now[0] = T0.plus(Duration.ofHours(23));
        watch.round();
        now[0] = T0.plus(Duration.ofHours(24));
        watch.round();
        assertEquals(List.of("all", "from 11", "all"), log.calls);
    }
}
