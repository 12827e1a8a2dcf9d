package org.khidmat.api.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Walks a descriptor's JSON tree once, building the model and collecting every problem with its path. */
final class DescriptorReader {
    private static final Pattern SERVICE_ID = Pattern.compile("[a-z][a-z0-9]{1,15}\\.[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern AGENCY_CODE = Pattern.compile("[a-z][a-z0-9]{1,15}");

    private final String source;
    private final JsonFields fields;

    DescriptorReader(String source) {
        this.source = source;
        this.fields = new JsonFields(source);
    }

    List<String> problems() {
        return fields.problems();
    }

    ServiceDescriptor read(JsonNode root) {
        if (!root.isObject()) {
            fields.problem("", "must be a JSON object");
            return null;
        }
        fields.only(root, "", "formatVersion", "id", "version", "agency", "category", "title", "summary", "eligibility",
                "documents", "fees", "form", "workflow", "handler", "rules");
        JsonNode format = root.get("formatVersion");
        if (format == null) {
            fields.problem("formatVersion", "is required (this centre reads format " + Descriptors.FORMAT_VERSION + ")");
        } else if (!format.isInt() || format.intValue() != Descriptors.FORMAT_VERSION) {
            fields.problem("formatVersion", "is " + format + " but this centre reads format " + Descriptors.FORMAT_VERSION);
        }
        Agency agency = agency(root.get("agency"));
        String id = fields.string(root, "", "id", SERVICE_ID, "like nadra.cnic-renewal: agency code, a dot, lowercase words joined by -");
        if (id != null && agency != null && !id.startsWith(agency.code() + ".")) {
            fields.problem("id", "'" + id + "' must start with the agency code '" + agency.code() + ".'");
        }
        int version = fields.integer(root, "", "version", 1, Integer.MAX_VALUE, null);
        String category = fields.string(root, "", "category", JsonFields.SLUG, "a lowercase word such as identity or vehicles");
        Text title = fields.text(root, "", "title", true);
        Text summary = fields.text(root, "", "summary", true);
        Text eligibility = fields.text(root, "", "eligibility", false);
        List<Text> documents = documents(root.get("documents"));
        List<FeeTier> fees = fees(root.get("fees"));
        List<Field> form = new FormReader(fields).read(root.get("form"));
        Workflow workflow = new WorkflowReader(fields).read(root.get("workflow"));
        boolean handler = fields.bool(root, "", "handler", false);
        List<Rule> rules = new RulesReader(fields).read(root.get("rules"), form);
        if (!fields.problems().isEmpty()) {
            return null;
        }
        return new ServiceDescriptor(id, version, agency, category, title, summary, eligibility, documents, fees,
                form, workflow, handler, rules, source);
    }

    private Agency agency(JsonNode node) {
        if (node == null) {
            fields.problem("agency", "is required: {\"code\": \"nadra\", \"name\": {\"en\": ..., \"ur\": ...}}");
            return null;
        }
        if (!fields.isObject(node, "agency")) {
            return null;
        }
        fields.only(node, "agency", "code", "name");
        String code = fields.string(node, "agency", "code", AGENCY_CODE, "2 to 16 lowercase letters or digits, starting with a letter");
        Text name = fields.text(node, "agency", "name", true);
        return code == null ? null : new Agency(code, name);
    }

    private List<Text> documents(JsonNode node) {
        List<Text> out = new ArrayList<>();
        if (node == null) {
            return Collections.unmodifiableList(out);
        }
        if (!node.isArray()) {
            fields.problem("documents", "must be an array of {\"en\": ..., \"ur\": ...}");
            return Collections.unmodifiableList(out);
        }
        for (int i = 0; i < node.size(); i++) {
            out.add(fields.textNode(node.get(i), "documents[" + i + "]"));
        }
        return Collections.unmodifiableList(out);
    }

    private List<FeeTier> fees(JsonNode node) {
        List<FeeTier> out = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            fields.problem("fees", "must be an array with at least one tier {\"id\", \"title\", \"amount\", \"days\"}");
            return Collections.unmodifiableList(out);
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "fees[" + i + "]";
            JsonNode tier = node.get(i);
            if (!fields.isObject(tier, path)) {
                continue;
            }
            fields.only(tier, path, "id", "title", "amount", "days");
            String id = fields.string(tier, path, "id", JsonFields.SLUG, "a lowercase word such as normal or urgent");
            if (id != null && !ids.add(id)) {
                fields.problem(path + ".id", "'" + id + "' is used by another tier");
            }
            Text title = fields.text(tier, path, "title", true);
            long amount = fields.integer(tier, path, "amount", 0, 10_000_000, "rupees");
            int days = fields.integer(tier, path, "days", 0, 365, "working days");
            out.add(new FeeTier(id, title, amount, days));
        }
        return Collections.unmodifiableList(out);
    }
}
