package org.khidmat.api.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the {@code form} of a descriptor: its fields, each with a type, a label, its limits and its options. */
final class FormReader {
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-zA-Z0-9_]{0,62}");

    private final JsonFields fields;

    FormReader(JsonFields fields) {
        this.fields = fields;
    }

    List<Field> read(JsonNode node) {
        List<Field> out = new ArrayList<>();
        if (node == null) {
            return Collections.unmodifiableList(out);
        }
        if (!node.isArray()) {
            fields.problem("form", "must be an array of fields");
            return Collections.unmodifiableList(out);
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "form[" + i + "]";
            JsonNode f = node.get(i);
            if (!fields.isObject(f, path)) {
                continue;
            }
            fields.only(f, path, "name", "type", "label", "hint", "required", "options", "minLength", "maxLength",
                    "pattern", "page");
            String name = fields.string(f, path, "name", FIELD_NAME, "a letter, then letters, digits or _");
            if (name != null && !names.add(name)) {
                fields.problem(path + ".name", "'" + name + "' is used by another field");
            }
            FieldType type = fieldType(f.get("type"), path);
            Text label = fields.text(f, path, "label", true);
            Text hint = fields.text(f, path, "hint", false);
            boolean required = fields.bool(f, path, "required", false);
            List<Option> options = options(f.get("options"), path, type);
            int defaultMax = type == FieldType.TEXTAREA ? 2000 : 200;
            int minLength = f.has("minLength") ? fields.integer(f, path, "minLength", 0, 10_000, null) : 0;
            int maxLength = f.has("maxLength") ? fields.integer(f, path, "maxLength", 1, 10_000, null) : defaultMax;
            if (maxLength > 0 && minLength > maxLength) {
                fields.problem(path + ".minLength", minLength + " is more than maxLength " + maxLength);
            }
            String pattern = null;
            if (f.has("pattern")) {
                pattern = fields.string(f, path, "pattern", null, null);
                if (pattern != null) {
                    try {
                        Pattern.compile(pattern);
                    } catch (PatternSyntaxException e) {
                        fields.problem(path + ".pattern", "is not a valid regular expression: " + e.getDescription());
                    }
                }
            }
            int page = f.has("page") ? fields.integer(f, path, "page", 1, 50, null) : 1;
            out.add(new Field(name, type, label, hint, required, options, minLength, maxLength, pattern, page));
        }
        return Collections.unmodifiableList(out);
    }

    private FieldType fieldType(JsonNode node, String path) {
        if (node == null || !node.isTextual()) {
            fields.problem(path + ".type", "is required, one of " + typeNames());
            return null;
        }
        for (FieldType t : FieldType.values()) {
            if (t.jsonName().equals(node.textValue())) {
                return t;
            }
        }
        fields.problem(path + ".type", "'" + node.textValue() + "' is not a field type; use one of " + typeNames());
        return null;
    }

    private static String typeNames() {
        List<String> names = new ArrayList<>();
        for (FieldType t : FieldType.values()) {
            names.add(t.jsonName());
        }
        return String.join(", ", names);
    }

    private List<Option> options(JsonNode node, String path, FieldType type) {
        List<Option> out = new ArrayList<>();
        if (type != FieldType.SELECT) {
            if (node != null) {
                fields.problem(path + ".options", "only a select field has options");
            }
            return Collections.unmodifiableList(out);
        }
        if (node == null || !node.isArray() || node.isEmpty()) {
            fields.problem(path + ".options", "a select field needs at least one option {\"value\", \"label\"}");
            return Collections.unmodifiableList(out);
        }
        Set<String> values = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String p = path + ".options[" + i + "]";
            JsonNode o = node.get(i);
            if (!fields.isObject(o, p)) {
                continue;
            }
            fields.only(o, p, "value", "label");
            String value = fields.string(o, p, "value", null, null);
            if (value != null && !values.add(value)) {
                fields.problem(p + ".value", "'" + value + "' is used by another option");
            }
            out.add(new Option(value, fields.text(o, p, "label", true)));
        }
        return Collections.unmodifiableList(out);
    }

}
