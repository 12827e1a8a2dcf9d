package org.khidmat.plugins.simnotify.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.khidmat.api.notify.Message;

/**
 * What would have been sent, one JSON object per line in {@code data/simnotify/sent.jsonl} under the centre's
 * home. A message id seen before (among the newest {@link #REMEMBERED}) is not written again (the provider contract:
 * deliver once). The number
 * {@link #FAILING_NUMBER} and addresses at {@link #FAILING_DOMAIN} always fail, so retries can be seen.
 * <p>
 * The file is opened at the first message of a day (UTC) and kept open until the next day's first message or
 * {@link #close}, each line written whole with one write: opening, appending and closing it (and making its folder)
 * for every message was two fifths of the notification thread's time in a filing. A file moved away (rotated) during
 * a day gets the rest of that day's lines; the next day's start a new {@code sent.jsonl}.
 */
final class Outbox implements AutoCloseable {
    /** A phone number whose messages always fail, for trying out the centre's retries. */
    static final String FAILING_NUMBER = "03000000000";
    /** An e-mail domain whose messages always fail. */
    static final String FAILING_DOMAIN = "@fail.invalid";
    private static final JsonFactory JSON = new JsonFactory();
    private final Path file;
    private final Clock clock;
    /** How many of the newest message ids are remembered to deliver each once (a retry comes within minutes). */
    static final int REMEMBERED = 100_000;
    private final Map<Long, String> delivered;
    /** The open file and the day it was opened on; null before the first message and after {@link #close}. */
    private FileChannel open;
    private LocalDate openedOn;

    Outbox(Path file, Clock clock) {
        this(file, clock, REMEMBERED);
    }

    Outbox(Path file, Clock clock, int remembered) {
        this.file = file;
        this.clock = clock;
        this.delivered = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
                return size() > remembered;
            }
        };
    }

    /** @return how many message ids are remembered now */
    synchronized int remembered() {
        return delivered.size();
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
        line.write('\n');
        try {
            ByteBuffer bytes = ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.UTF_8));
            FileChannel channel = channelFor(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("could not record the simulated message in " + file.getFileName(), e);
        }
        delivered.put(m.id(), id);
        return id;
    }

    /** @return the file open for appending, opened anew on the first message of a day */
    private FileChannel channelFor(LocalDate day) throws IOException {
        if (open != null && day.equals(openedOn)) {
            return open;
        }
        close();
        Files.createDirectories(file.getParent());
        open = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        openedOn = day;
        return open;
    }

    /** Closes the file; a later message opens it again. */
    @Override
    public synchronized void close() {
        FileChannel channel = open;
        open = null;
        openedOn = null;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // every line was written whole before; nothing is lost by a failed close
            }
        }
    }
}
