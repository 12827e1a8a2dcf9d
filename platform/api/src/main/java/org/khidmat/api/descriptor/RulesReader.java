package org.khidmat.api.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code rules} list of a descriptor: its shape only. The expressions' syntax and types are the rules
 * service's to check, so that this package needs no expression library.
 */
final class RulesReader {
    /** The most rules one descriptor may carry. */
    static final int MAX_RULES = 50;
    /** The longest expression ({@code when} or {@code check}), in characters. */
    static final int MAX_EXPRESSION_CHARS = 1000;
    private static final Pattern RULE_ID = JsonFields.SLUG;

    private final JsonFields reader;

    RulesReader(JsonFields reader) {
        this.reader = reader;
    }

    List<Rule> read(JsonNode node, List<Field> form) {
        List<Rule> out = new ArrayList<>();
        if (node == null) {
            return Collections.unmodifiableList(out);
        }
        if (!node.isArray()) {
            reader.problem("rules", "must be an array of rules {\"id\", \"check\", \"fields\", \"message\"}");
            return Collections.unmodifiableList(out);
        }
        if (node.size() > MAX_RULES) {
            reader.problem("rules", "has " + node.size() + " rules; a descriptor may carry at most " + MAX_RULES);
            return Collections.unmodifiableList(out);
        }
        Set<String> names = new HashSet<>();
        form.forEach(f -> names.add(f.name()));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "rules[" + i + "]";
            JsonNode r = node.get(i);
            if (!reader.isObject(r, path)) {
                continue;
            }
            reader.only(r, path, "id", "when", "check", "fields", "message");
            String id = reader.string(r, path, "id", RULE_ID, "a lowercase word such as adult or expiry-window");
            if (id != null && !ids.add(id)) {
                reader.problem(path + ".id", "'" + id + "' is used by another rule");
            }
            String when = r.has("when") ? expression(r, path, "when") : null;
            String check = expression(r, path, "check");
            List<String> fields = fields(r.get("fields"), path, names);
            Text message = reader.text(r, path, "message", true);
            if (id != null && check != null && (when != null || !r.has("when"))) {
                out.add(Rule.of(id, when, check, fields, message));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private String expression(JsonNode r, String path, String key) {
        String e = reader.string(r, path, key, null, null);
        if (e != null && e.length() > MAX_EXPRESSION_CHARS) {
            reader.problem(path + "." + key, "is " + e.length() + " characters long; an expression may have at most "
                    + MAX_EXPRESSION_CHARS + " (split the rule in two)");
            return null;
        }
        return e;
    }

    private List<String> fields(JsonNode node, String path, Set<String> names) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray()) {
            reader.problem(path + ".fields", "must be an array of form field names, like [\"dateOfBirth\"]");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode n = node.get(i);
            String p = path + ".fields[" + i + "]";
            if (!n.isTextual() || n.textValue().isBlank()) {
                reader.problem(p, "must be a form field name");
            } else if (!names.contains(n.textValue())) {
                reader.problem(p, "'" + n.textValue() + "' is not a field of the form");
            } else if (out.contains(n.textValue())) {
                reader.problem(p, "'" + n.textValue() + "' is listed twice");
            } else {
                out.add(n.textValue());
            }
        }
        return out;
    }
}
