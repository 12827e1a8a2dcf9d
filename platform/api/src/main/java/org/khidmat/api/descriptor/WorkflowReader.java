package org.khidmat.api.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code workflow} of a descriptor: its states (at least one terminal, and a move out of every other)
 * and the moves between them, each named once.
 */
final class WorkflowReader {
    private final JsonFields fields;

    WorkflowReader(JsonFields fields) {
        this.fields = fields;
    }

    Workflow read(JsonNode node) {
        if (node == null) {
            fields.problem("workflow", "is required: {\"initial\", \"states\", \"transitions\"}");
            return null;
        }
        if (!fields.isObject(node, "workflow")) {
            return null;
        }
        fields.only(node, "workflow", "initial", "states", "transitions");
        List<State> states = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode sn = node.get("states");
        if (sn == null || !sn.isArray() || sn.size() < 2) {
            fields.problem("workflow.states", "must be an array of at least two states {\"id\", \"label\", \"terminal\"}");
        } else {
            for (int i = 0; i < sn.size(); i++) {
                String p = "workflow.states[" + i + "]";
                JsonNode s = sn.get(i);
                if (!fields.isObject(s, p)) {
                    continue;
                }
                fields.only(s, p, "id", "label", "terminal");
                String id = fields.string(s, p, "id", JsonFields.SLUG, "a lowercase word such as in-review");
                if (id != null && !ids.add(id)) {
                    fields.problem(p + ".id", "'" + id + "' is used by another state");
                }
                states.add(new State(id, fields.text(s, p, "label", true), fields.bool(s, p, "terminal", false)));
            }
            if (states.stream().noneMatch(State::terminal)) {
                fields.problem("workflow.states", "needs at least one state with \"terminal\": true");
            }
        }
        String initial = fields.string(node, "workflow", "initial", null, null);
        if (initial != null && !ids.isEmpty() && !ids.contains(initial)) {
            fields.problem("workflow.initial", "'" + initial + "' is not one of the states");
        }
        List<Transition> transitions = new ArrayList<>();
        JsonNode tn = node.get("transitions");
        if (tn == null || !tn.isArray() || tn.isEmpty()) {
            fields.problem("workflow.transitions", "must be an array of at least one move {\"from\", \"to\", \"label\"}");
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < tn.size(); i++) {
                String p = "workflow.transitions[" + i + "]";
                JsonNode t = tn.get(i);
                if (!fields.isObject(t, p)) {
                    continue;
                }
                fields.only(t, p, "from", "to", "label", "noteRequired");
                String from = stateRef(t, p, "from", ids);
                String to = stateRef(t, p, "to", ids);
                if (from != null && to != null && !seen.add(from + "->" + to)) {
                    fields.problem(p, "the move " + from + " -> " + to + " is listed twice");
                }
                if (from != null && states.stream().anyMatch(s -> s.id() != null && s.id().equals(from) && s.terminal())) {
                    fields.problem(p + ".from", "'" + from + "' is terminal: no move may leave it");
                }
                transitions.add(new Transition(from, to, fields.text(t, p, "label", true), fields.bool(t, p, "noteRequired", false)));
            }
            for (State s : states) {
                if (s.id() != null && !s.terminal() && transitions.stream().noneMatch(t -> s.id().equals(t.from()))) {
                    fields.problem("workflow.states", "'" + s.id() + "' is not terminal but no move leaves it");
                }
            }
        }
        return new Workflow(initial, Collections.unmodifiableList(states), Collections.unmodifiableList(transitions));
    }

    private String stateRef(JsonNode t, String path, String key, Set<String> ids) {
        String id = fields.string(t, path, key, null, null);
        if (id != null && !ids.isEmpty() && !ids.contains(id)) {
            fields.problem(path + "." + key, "'" + id + "' is not one of the states");
        }
        return id;
    }

}
