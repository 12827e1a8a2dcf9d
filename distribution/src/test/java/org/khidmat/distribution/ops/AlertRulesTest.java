package org.khidmat.distribution.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule file is read as YAML: a rule written in another layout is still found and checked. */
class AlertRulesTest {
    @TempDir
    Path dir;

    @Test
    void theShippedRulesAreReadWithTheirExpressions() throws Exception {
        List<String> expressions = new ArrayList<>();
        List<String> alerts = AlertRules.read(Path.of("src/main/dist/conf/monitoring/khidmat-alerts.yml"), expressions);
        assertEquals(alerts.size(), expressions.size());
        assertTrue(alerts.contains("KhidmatAuditChainBroken"), alerts.toString());
        assertTrue(expressions.stream().anyMatch(e -> e.contains("khidmat_store_lock_wait_seconds_bucket")),
                "a multi-line expression is read whole: " + expressions);
    }

    @Test
    void aRuleInFlowStyleOrWithAFoldedExpressionIsFoundAndChecked() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yml"), """
                groups:
                - name: other
                  rules:
                  - {alert: OneLine, expr: 'khidmat_ready == 0', labels: {severity: critical}, annotations: {summary: s}}
                  - alert: Folded
                    expr: >
                      sum by (instance)
                      (rate(khidmat_http_requests_total[5m])) > 1
                    labels:
                      severity: info
                    annotations:
                      summary: folded
                """);
        List<String> expressions = new ArrayList<>();
        assertEquals(List.of("OneLine", "Folded"), AlertRules.read(rules, expressions));
        assertEquals("khidmat_ready == 0", expressions.get(0));
        assertTrue(expressions.get(1).contains("rate(khidmat_http_requests_total[5m])"), expressions.get(1));
        Path unlabelled = Files.writeString(dir.resolve("bad.yml"), """
                groups: [{name: g, rules: [{alert: NoSeverity, expr: up == 0, annotations: {summary: s}}]}]
                """);
        assertThrows(AssertionError.class, () -> AlertRules.read(unlabelled, new ArrayList<>()));
    }
}
