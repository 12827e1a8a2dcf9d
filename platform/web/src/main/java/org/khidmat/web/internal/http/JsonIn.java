package org.khidmat.web.internal.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Reads JSON request bodies. The {@code ObjectMapper} is made at the first body, not at start: its class
 * loading costs about a third of a second that the centre's start cannot spare.
 */
public final class JsonIn {
    private JsonIn() {
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** The body is not the JSON object expected; the message says why, for the caller. */
    public static final class BadJson extends Exception {
        private static final long serialVersionUID = 1L;

        public BadJson(String message) {
            super(message, null, false, false);
        }
    }

    /** @return whether the request's body is declared as {@code application/json} (parameters such as a charset allowed) */
    public static boolean isJson(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).strip().equalsIgnoreCase("application/json");
    }

    /** @return the request's body as a JSON object; it must be sent as {@code application/json} */
    public static JsonNode request(Request request) throws IOException, Exchange.TooLarge, BadJson {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new BadJson("send the body as application/json");
        }
        return object(Exchange.body(request));
    }

    public static JsonNode object(String body) throws BadJson {
        if (body.isBlank()) {
            throw new BadJson("the body is empty; send a JSON object");
        }
        JsonNode node;
        try {
            node = Holder.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new BadJson("the body is not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadJson("the body must be a JSON object");
        }
        refuseHostileText(node, "");
        return node;
    }

    /** Refuses a name or string anywhere in the tree that holds what no field may ({@link HostileText}). */
    private static void refuseHostileText(JsonNode node, String path) throws BadJson {
        if (node.isTextual()) {
            String bad = HostileText.problem(node.textValue());
            if (bad != null) {
                throw new BadJson(HostileText.refusal(path, bad));
            }
        } else if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                var f = fields.next();
                String bad = HostileText.problem(f.getKey());
                if (bad != null) {
                    throw new BadJson("a name in " + (path.isEmpty() ? "the body" : "'" + HostileText.safeName(path)
                            + "'") + " holds " + bad + "; remove it and send again");
                }
                refuseHostileText(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseHostileText(node.get(i), path + "[" + i + "]");
            }
        }
    }

    /** @return the string at {@code name}, {@code null} when absent or null */
    public static String string(JsonNode o, String name) throws BadJson {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new BadJson("'" + name + "' must be a string");
        }
        return v.asText();
    }
}
