package org.khidmat.launcher.config;

import com.fasterxml.jackson.databind.JsonNode;

/** A value of a PID the table does not know (another bundle's), as Config Admin takes it. */
final class Passed {
    private Passed() {
    }

    /** @return a Boolean, Integer, Long, Double, String or String[]; {@code null} for what Config Admin cannot hold */
    static Object value(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isArray()) {
            String[] out = new String[node.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = node.get(i).asText();
            }
            return out;
        }
        return null;
    }
}
