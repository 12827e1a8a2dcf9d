package org.khidmat.distribution.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped Prometheus alert rules, read as YAML (any layout YAML allows: flow or block style, folded or literal
 * expressions), each rule checked for the fields Prometheus needs.
 */
final class AlertRules {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private AlertRules() {
    }

    /**
     * @param file a Prometheus rule file
     * @param expressions gets each rule's {@code expr}
     * @return the alerts' names
     */
    static List<String> read(Path file, List<String> expressions) throws IOException {
        JsonNode groups = YAML.readTree(file.toFile()).path("groups");
        assertTrue(groups.isArray() && !groups.isEmpty(), file + " has no groups");
        List<String> alerts = new ArrayList<>();
        for (JsonNode group : groups) {
            assertFalse(group.path("name").asText().isBlank(), "a group without a name in " + file);
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asText();
                String expr = rule.path("expr").asText();
                assertFalse(name.isBlank() || expr.isBlank(), "a rule without alert or expr: " + rule);
                assertFalse(rule.path("annotations").path("summary").asText().isBlank(), name + " has no summary");
                assertTrue(List.of("critical", "warning", "info").contains(rule.path("labels").path("severity").asText()),
                        name + " has no severity critical, warning or info");
                alerts.add(name);
                expressions.add(expr);
            }
        }
        return alerts;
    }
}
