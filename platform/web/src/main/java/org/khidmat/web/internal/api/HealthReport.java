package org.khidmat.web.internal.api;

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
 * ready only the readiness checks run, and only up to the first that fails: the launcher polls {@code /health} every
 * 10 ms during a start, and the others (outbox, disk, queue) would read the store at each poll for nothing.
 */
record HealthReport(List<Outcome> outcomes) {
    /** Without these the centre is not ready: the store opened, the deployer judged every jar of deploy/. */
    static final Set<String> REQUIRED = Set.of("store", "deployer");

    /** One check's verdict. */
    record Outcome(String name, boolean readiness, HealthResult result) {
    }

    /**
     * Runs the readiness checks, the deployer's first, up to the first CRITICAL one (the answer is 503 then, whatever the
     * rest say); when all pass, the other checks too. One that throws is CRITICAL with what it threw.
     */
    static HealthReport run(Supplier<List<Map.Entry<Map<String, Object>, HealthCheck>>> checks) {
        List<Map.Entry<Map<String, Object>, HealthCheck>> now = checks.get();
        List<Map.Entry<Map<String, Object>, HealthCheck>> all = new ArrayList<>(now == null ? List.of() : now);
        all.sort(Comparator.comparing((Map.Entry<Map<String, Object>, HealthCheck> e) -> !"deployer".equals(name(e)))
                .thenComparing(HealthReport::name));
        List<Outcome> out = new ArrayList<>();
        for (Map.Entry<Map<String, Object>, HealthCheck> e : all) {
            if (Boolean.TRUE.equals(e.getKey().get(HealthCheck.READINESS))) {
                Outcome o = run(e, true);
                out.add(o);
                if (o.result().status() == HealthResult.Status.CRITICAL) {
                    break;
                }
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

    private static String name(Map.Entry<Map<String, Object>, HealthCheck> e) {
        return String.valueOf(e.getKey().getOrDefault(HealthCheck.NAME, "unnamed"));
    }

    private static Outcome run(Map.Entry<Map<String, Object>, HealthCheck> e, boolean readiness) {
        HealthResult r;
        try {
            r = e.getValue().check();
        } catch (RuntimeException x) {
            r = HealthResult.critical("the check failed: " + x);
        }
        return new Outcome(name(e), readiness, r == null ? HealthResult.critical("the check gave no result") : r);
    }

    boolean ready() {
        for (String name : REQUIRED) {
            if (outcomes.stream().noneMatch(o -> o.name().equals(name))) {
                return false;
            }
        }
        return outcomes.stream().noneMatch(o -> o.readiness() && o.result().status() == HealthResult.Status.CRITICAL);
    }

    /**
     * @return {@code UP}; {@code STARTING} while the deployer is not done with {@code deploy/} (or its check or the
     *         store's is not registered yet); {@code DOWN} when the deployer is done and another readiness check fails
     */
    String status() {
        if (ready()) {
            return "UP";
        }
        boolean deployed = outcomes.stream().anyMatch(o -> o.name().equals("deployer")
                && o.result().status() != HealthResult.Status.CRITICAL);
        boolean storeThere = outcomes.stream().anyMatch(o -> o.name().equals("store"));
        boolean failing = outcomes.stream().anyMatch(o -> !o.name().equals("deployer") && o.readiness()
                && o.result().status() == HealthResult.Status.CRITICAL);
        return deployed && (storeThere || failing) ? "DOWN" : "STARTING";
    }
}
