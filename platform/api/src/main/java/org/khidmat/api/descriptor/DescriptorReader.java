package org.khidmat.api.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Walks a descriptor's JSON tree once, building the model and collecting every problem with its path. */
final class DescriptorReader {
    private static final Pattern SERVICE_ID = Pattern.compile("[a-z][a-z0-9]{1,15}\\.[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern AGENCY_CODE = Pattern.compile("[a-z][a-z0-9]{1,15}");
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-zA-Z0-9_]{0,62}");
    private static final Text NO_TEXT = new Text("", "");

    private final String source;
    private final List<String> problems = new ArrayList<>();

    DescriptorReader(String source) {
        this.source = source;
    }

    List<String> problems() {
        return problems;
    }

    ServiceDescriptor read(JsonNode root) {
        if (!root.isObject()) {
            problem("", "must be a JSON object");
            return null;
        }
        only(root, "", "formatVersion", "id", "version", "agency", "category", "title", "summary", "eligibility",
                "documents", "fees", "form", "workflow", "handler", "rules");
        JsonNode format = root.get("formatVersion");
        if (format == null) {
            problem("formatVersion", "is required (this centre reads format " + Descriptors.FORMAT_VERSION + ")");
        } else if (!format.isInt() || format.intValue() != Descriptors.FORMAT_VERSION) {
            problem("formatVersion", "is " + format + " but this centre reads format " + Descriptors.FORMAT_VERSION);
        }
        Agency agency = agency(root.get("agency"));
        String id = string(root, "", "id", SERVICE_ID, "like nadra.cnic-renewal: agency code, a dot, lowercase words joined by -");
        if (id != null && agency != null && !id.startsWith(agency.code() + ".")) {
            problem("id", "'" + id + "' must start with the agency code '" + agency.code() + ".'");
        }
        int version = integer(root, "", "version", 1, Integer.MAX_VALUE, null);
        String category = string(root, "", "category", SLUG, "a lowercase word such as identity or vehicles");
        Text title = text(root, "", "title", true);
        Text summary = text(root, "", "summary", true);
        Text eligibility = text(root, "", "eligibility", false);
        List<Text> documents = documents(root.get("documents"));
        List<FeeTier> fees = fees(root.get("fees"));
        List<Field> form = form(root.get("form"));
        Workflow workflow = workflow(root.get("workflow"));
        boolean handler = bool(root, "", "handler", false);
        List<Rule> rules = new RulesReader(this).read(root.get("rules"), form);
        if (!problems.isEmpty()) {
            return null;
        }
        return new ServiceDescriptor(id, version, agency, category, title, summary, eligibility, documents, fees,
                form, workflow, handler, rules, source);
    }

    private Agency agency(JsonNode node) {
        if (node == null) {
            problem("agency", "is required: {\"code\": \"nadra\", \"name\": {\"en\": ..., \"ur\": ...}}");
            return null;
        }
        if (!isObject(node, "agency")) {
            return null;
        }
        only(node, "agency", "code", "name");
        String code = string(node, "agency", "code", AGENCY_CODE, "2 to 16 lowercase letters or digits, starting with a letter");
        Text name = text(node, "agency", "name", true);
        return code == null ? null : new Agency(code, name);
    }

    private List<Text> documents(JsonNode node) {
        List<Text> out = new ArrayList<>();
        if (node == null) {
            return Collections.unmodifiableList(out);
        }
        if (!node.isArray()) {
            problem("documents", "must be an array of {\"en\": ..., \"ur\": ...}");
            return Collections.unmodifiableList(out);
        }
        for (int i = 0; i < node.size(); i++) {
            out.add(textNode(node.get(i), "documents[" + i + "]"));
        }
        return Collections.unmodifiableList(out);
    }

    private List<FeeTier> fees(JsonNode node) {
        List<FeeTier> out = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problem("fees", "must be an array with at least one tier {\"id\", \"title\", \"amount\", \"days\"}");
            return Collections.unmodifiableList(out);
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "fees[" + i + "]";
            JsonNode tier = node.get(i);
            if (!isObject(tier, path)) {
                continue;
            }
            only(tier, path, "id", "title", "amount", "days");
            String id = string(tier, path, "id", SLUG, "a lowercase word such as normal or urgent");
            if (id != null && !ids.add(id)) {
                problem(path + ".id", "'" + id + "' is used by another tier");
            }
            Text title = text(tier, path, "title", true);
            long amount = integer(tier, path, "amount", 0, 10_000_000, "rupees");
            int days = integer(tier, path, "days", 0, 365, "working days");
            out.add(new FeeTier(id, title, amount, days));
        }
        return Collections.unmodifiableList(out);
    }

    private List<Field> form(JsonNode node) {
        List<Field> out = new ArrayList<>();
        if (node == null) {
            return Collections.unmodifiableList(out);
        }
        if (!node.isArray()) {
            problem("form", "must be an array of fields");
            return Collections.unmodifiableList(out);
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "form[" + i + "]";
            JsonNode f = node.get(i);
            if (!isObject(f, path)) {
                continue;
            }
            only(f, path, "name", "type", "label", "hint", "required", "options", "minLength", "maxLength",
                    "pattern", "page");
            String name = string(f, path, "name", FIELD_NAME, "a letter, then letters, digits or _");
            if (name != null && !names.add(name)) {
                problem(path + ".name", "'" + name + "' is used by another field");
            }
            FieldType type = fieldType(f.get("type"), path);
            Text label = text(f, path, "label", true);
            Text hint = text(f, path, "hint", false);
            boolean required = bool(f, path, "required", false);
            List<Option> options = options(f.get("options"), path, type);
            int defaultMax = type == FieldType.TEXTAREA ? 2000 : 200;
            int minLength = f.has("minLength") ? integer(f, path, "minLength", 0, 10_000, null) : 0;
            int maxLength = f.has("maxLength") ? integer(f, path, "maxLength", 1, 10_000, null) : defaultMax;
            if (maxLength > 0 && minLength > maxLength) {
                problem(path + ".minLength", minLength + " is more than maxLength " + maxLength);
            }
            String pattern = null;
            if (f.has("pattern")) {
                pattern = string(f, path, "pattern", null, null);
                if (pattern != null) {
                    try {
                        Pattern.compile(pattern);
                    } catch (PatternSyntaxException e) {
                        problem(path + ".pattern", "is not a valid regular expression: " + e.getDescription());
                    }
                }
            }
            int page = f.has("page") ? integer(f, path, "page", 1, 50, null) : 1;
            out.add(new Field(name, type, label, hint, required, options, minLength, maxLength, pattern, page));
        }
        return Collections.unmodifiableList(out);
    }

    private FieldType fieldType(JsonNode node, String path) {
        if (node == null || !node.isTextual()) {
            problem(path + ".type", "is required, one of " + typeNames());
            return null;
        }
        for (FieldType t : FieldType.values()) {
            if (t.jsonName().equals(node.textValue())) {
                return t;
            }
        }
        problem(path + ".type", "'" + node.textValue() + "' is not a field type; use one of " + typeNames());
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
                problem(path + ".options", "only a select field has options");
            }
            return Collections.unmodifiableList(out);
        }
        if (node == null || !node.isArray() || node.isEmpty()) {
            problem(path + ".options", "a select field needs at least one option {\"value\", \"label\"}");
            return Collections.unmodifiableList(out);
        }
        Set<String> values = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String p = path + ".options[" + i + "]";
            JsonNode o = node.get(i);
            if (!isObject(o, p)) {
                continue;
            }
            only(o, p, "value", "label");
            String value = string(o, p, "value", null, null);
            if (value != null && !values.add(value)) {
                problem(p + ".value", "'" + value + "' is used by another option");
            }
            out.add(new Option(value, text(o, p, "label", true)));
        }
        return Collections.unmodifiableList(out);
    }

    private Workflow workflow(JsonNode node) {
        if (node == null) {
            problem("workflow", "is required: {\"initial\", \"states\", \"transitions\"}");
            return null;
        }
        if (!isObject(node, "workflow")) {
            return null;
        }
        only(node, "workflow", "initial", "states", "transitions");
        List<State> states = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode sn = node.get("states");
        if (sn == null || !sn.isArray() || sn.size() < 2) {
            problem("workflow.states", "must be an array of at least two states {\"id\", \"label\", \"terminal\"}");
        } else {
            for (int i = 0; i < sn.size(); i++) {
                String p = "workflow.states[" + i + "]";
                JsonNode s = sn.get(i);
                if (!isObject(s, p)) {
                    continue;
                }
                only(s, p, "id", "label", "terminal");
                String id = string(s, p, "id", SLUG, "a lowercase word such as in-review");
                if (id != null && !ids.add(id)) {
                    problem(p + ".id", "'" + id + "' is used by another state");
                }
                states.add(new State(id, text(s, p, "label", true), bool(s, p, "terminal", false)));
            }
            if (states.stream().noneMatch(State::terminal)) {
                problem("workflow.states", "needs at least one state with \"terminal\": true");
            }
        }
        String initial = string(node, "workflow", "initial", null, null);
        if (initial != null && !ids.isEmpty() && !ids.contains(initial)) {
            problem("workflow.initial", "'" + initial + "' is not one of the states");
        }
        List<Transition> transitions = new ArrayList<>();
        JsonNode tn = node.get("transitions");
        if (tn == null || !tn.isArray() || tn.isEmpty()) {
            problem("workflow.transitions", "must be an array of at least one move {\"from\", \"to\", \"label\"}");
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < tn.size(); i++) {
                String p = "workflow.transitions[" + i + "]";
                JsonNode t = tn.get(i);
                if (!isObject(t, p)) {
                    continue;
                }
                only(t, p, "from", "to", "label", "noteRequired");
                String from = stateRef(t, p, "from", ids);
                String to = stateRef(t, p, "to", ids);
                if (from != null && to != null && !seen.add(from + "->" + to)) {
                    problem(p, "the move " + from + " -> " + to + " is listed twice");
                }
                if (from != null && states.stream().anyMatch(s -> s.id() != null && s.id().equals(from) && s.terminal())) {
                    problem(p + ".from", "'" + from + "' is terminal: no move may leave it");
                }
                transitions.add(new Transition(from, to, text(t, p, "label", true), bool(t, p, "noteRequired", false)));
            }
            for (State s : states) {
                if (s.id() != null && !s.terminal() && transitions.stream().noneMatch(t -> s.id().equals(t.from()))) {
                    problem("workflow.states", "'" + s.id() + "' is not terminal but no move leaves it");
                }
            }
        }
        return new Workflow(initial, Collections.unmodifiableList(states), Collections.unmodifiableList(transitions));
    }

    private String stateRef(JsonNode t, String path, String key, Set<String> ids) {
        String id = string(t, path, key, null, null);
        if (id != null && !ids.isEmpty() && !ids.contains(id)) {
            problem(path + "." + key, "'" + id + "' is not one of the states");
        }
        return id;
    }

    boolean isObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            problem(path, "must be a JSON object");
            return false;
        }
        return true;
    }

    void only(JsonNode node, String path, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!known.contains(name)) {
                problem(join(path, name), "is not a descriptor field (allowed here: " + String.join(", ", allowed) + ")");
            }
        }
    }

    String string(JsonNode parent, String path, String key, Pattern pattern, String shape) {
        JsonNode n = parent.get(key);
        String p = join(path, key);
        if (n == null) {
            problem(p, "is required");
            return null;
        }
        if (!n.isTextual() || n.textValue().isBlank()) {
            problem(p, "must be a non-empty string");
            return null;
        }
        if (pattern != null && !pattern.matcher(n.textValue()).matches()) {
            problem(p, "'" + n.textValue() + "' is not valid: " + shape);
            return null;
        }
        return n.textValue();
    }

    private int integer(JsonNode parent, String path, String key, long min, long max, String unit) {
        JsonNode n = parent.get(key);
        String p = join(path, key);
        if (n == null) {
            problem(p, "is required");
            return 0;
        }
        if (!n.isIntegralNumber() || n.longValue() < min || n.longValue() > max) {
            problem(p, "must be a whole number from " + min + " to " + max + (unit == null ? "" : " " + unit)
                    + ", not " + n);
            return 0;
        }
        return n.intValue();
    }

    boolean bool(JsonNode parent, String path, String key, boolean fallback) {
        JsonNode n = parent.get(key);
        if (n == null) {
            return fallback;
        }
        if (!n.isBoolean()) {
            problem(join(path, key), "must be true or false, not " + n);
            return fallback;
        }
        return n.booleanValue();
    }

    Text text(JsonNode parent, String path, String key, boolean required) {
        JsonNode n = parent.get(key);
        String p = join(path, key);
        if (n == null) {
            if (required) {
                problem(p, "is required: {\"en\": ..., \"ur\": ...}");
            }
            return required ? NO_TEXT : null;
        }
        return textNode(n, p);
    }

    Text textNode(JsonNode n, String path) {
        if (n == null || !n.isObject()) {
            problem(path, "must be {\"en\": ..., \"ur\": ...}");
            return NO_TEXT;
        }
        String en = string(n, path, "en", null, null);
        String ur = string(n, path, "ur", null, null);
        Map<String, String> others = new TreeMap<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String lang = it.next();
            if (lang.equals("en") || lang.equals("ur")) {
                continue;
            }
            if (!Text.isLanguage(lang)) {
                problem(join(path, lang), "is not a language: the keys of a text are ISO 639-1 codes, lowercase (en, ur,"
                        + " sd, ps, pa, ...)");
                continue;
            }
            String text = string(n, path, lang, null, null);
            if (text != null) {
                others.put(lang, text);
            }
        }
        return new Text(en, ur, others);
    }

    void problem(String path, String what) {
        problems.add(source + ": " + (path.isEmpty() ? "" : path + ": ") + what);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
