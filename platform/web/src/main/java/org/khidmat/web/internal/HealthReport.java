package org.khidmat.web.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.khidmat.api.platform.HealthCheck;
import org.khidmat.api.platform.HealthResult;

/**
 * The health checks' verdicts at one moment, and what they mean: the centre is ready when the {@link #REQUIRED} checks
 * are registered and no readiness check is CRITICAL. It is {@code STARTING} while the deployer is not done with
 * {@code deploy/}, {@code DOWN} when another readiness check fails, {@code UP} otherwise. While the centre is not
 * ready only the readiness checks run: the launcher polls {@code /health} every 10 ms during a start, and the others
 * (outbox, disk, queue) would read the store at each poll for nothing.
 */
record HealthReport(List<Outcome> outcomes) {
    /** Without these the centre is not ready: the store opened, the deployer judged every jar of deploy/. */
    static final Set<String> REQUIRED = Set.of("store", "deployer");

    /** One check's verdict. */
    record Outcome(String name, boolean readiness, HealthResult result) {
    }

    /** Runs every check; one that throws is CRITICAL with what it threw. */
    static HealthReport run(Supplier<List<Map.Entry<Map<String, Object>, HealthCheck>>> checks) {
        List<Map.Entry<Map<String, Object>, HealthCheck>> now = checks.get();
        List<Map.Entry<Map<String, Object>, HealthCheck>> all = now == null ? List.of() : List.copyOf(now);
        List<Outcome> out = new ArrayList<>();
        for (Map.Entry<Map<String, Object>, HealthCheck> e : all) {
            if (Boolean.TRUE.equals(e.getKey().get(HealthCheck.READINESS))) {
                out.add(run(e, true));
            }
        }
        if (new HealthReport(out).ready()) {
            for (Map.Entry<Map<String, Object>, HealthCheck> e : all) {
                if (!Boolean.TRUE.equals(e.getKey().get(HealthCheck.READINESS))) {
                    out.add(run(e, false));
                }
            }
        }
        out.sort(Comparator.comparing(Outcome::name));
        return new HealthReport(List.copyOf(out));
    }

    private static Outcome run(Map.Entry<Map<String, Object>, HealthCheck> e, boolean readiness) {
        String name = String.valueOf(e.getKey().getOrDefault(HealthCheck.NAME, "unnamed"));
        HealthResult r;
        try {
            r = e.getValue().check();
        } catch (RuntimeException x) {
            r = HealthResult.critical("the check failed: " + x);
        }
        return new Outcome(name, readiness, r == null ? HealthResult.critical("the check gave no result") : r);
    }

    boolean ready() {
        for (String name : REQUIRED) {
            if (outcomes.stream().noneMatch(o -> o.name().equals(name))) {
                return false;
            }
        }
        return outcomes.stream().noneMatch(o -> o.readiness() && o.result().status() == HealthResult.Status.CRITICAL);
    }

    /** @return {@code UP}, {@code STARTING} (the deployer not done or not there yet) or {@code DOWN} */
    String status() {
        if (ready()) {
            return "UP";
        }
        boolean deploying = outcomes.stream().noneMatch(o -> o.name().equals("deployer"))
                || outcomes.stream().anyMatch(o -> o.name().equals("deployer") && o.result().status() == HealthResult.Status.CRITICAL);
        boolean othersFine = outcomes.stream().noneMatch(o -> !o.name().equals("deployer") && o.readiness()
                && o.result().status() == HealthResult.Status.CRITICAL) && outcomes.stream().anyMatch(o -> o.name().equals("store"));
        return deploying && othersFine ? "STARTING" : "DOWN";
    }
}
