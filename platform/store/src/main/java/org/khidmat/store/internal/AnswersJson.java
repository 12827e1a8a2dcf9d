package org.khidmat.store.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Form answers as a JSON object text, keeping the order the fields were answered in. */
final class AnswersJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> TYPE = new TypeReference<>() {
    };

    private AnswersJson() {
    }

    /**
     * @return the answers as a JSON object, {@code {}} for none: written by the streaming generator, as the data
     *     binding would write them (a filing's answers through the data binding cost a twentieth of its HTTP time)
     */
    static String write(Map<String, String> answers) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            if (answers != null) {
                for (Map.Entry<String, String> e : answers.entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalArgumentException("the answers cannot be written as JSON", e);
        }
        return out.toString();
    }

    /** @return the answers in stored order; unmodifiable */
    static Map<String, String> read(String json) {
        try {
            return Collections.unmodifiableMap(MAPPER.readValue(json, TYPE));
        } catch (JsonProcessingException e) {
            // the message may quote the answers, which can be personal: keep it out
            throw new IllegalStateException("stored answers are not a JSON object of strings");
        }
    }
}
