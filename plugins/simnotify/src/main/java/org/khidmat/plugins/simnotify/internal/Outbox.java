package org.khidmat.plugins.simnotify.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.khidmat.api.notify.Message;

/**
 * What would have been sent, one JSON object per line in {@code data/simnotify/sent.jsonl} under the centre's
 * home. A message id seen before is not written again (the provider contract: deliver once). The number
 * {@link #FAILING_NUMBER} and addresses at {@link #FAILING_DOMAIN} always fail, so retries can be seen.
 */
final class Outbox {
    /** A phone number whose messages always fail, for trying out the centre's retries. */
    static final String FAILING_NUMBER = "03000000000";
    /** An e-mail domain whose messages always fail. */
    static final String FAILING_DOMAIN = "@fail.invalid";
    private static final JsonFactory JSON = new JsonFactory();
    private final Path file;
    private final Clock clock;
    private final Map<Long, String> delivered = new HashMap<>();

    Outbox(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** @return the id of the delivery: the same for a message id given again */
    synchronized String record(String provider, Message m) {
        String seen = delivered.get(m.id());
        if (seen != null) {
            return seen;
        }
        if (m.to().equals(FAILING_NUMBER) || m.to().endsWith(FAILING_DOMAIN)) {
            throw new IllegalStateException("simulated gateway failure for " + m.channel() + " (test recipient)");
        }
        String id = provider + "-" + m.id();
        StringWriter line = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("at", clock.instant().toString());
            g.writeStringField("provider", provider);
            g.writeStringField("delivery", id);
            g.writeNumberField("message", m.id());
            g.writeStringField("reference", m.reference());
            g.writeStringField("channel", m.channel());
            g.writeStringField("to", m.to());
            g.writeStringField("subject", m.subject());
            g.writeStringField("text", m.text());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not record the simulated message in " + file.getFileName(), e);
        }
        delivered.put(m.id(), id);
        return id;
    }
}
