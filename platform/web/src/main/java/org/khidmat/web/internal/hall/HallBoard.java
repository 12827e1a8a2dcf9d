package org.khidmat.web.internal.hall;

import org.khidmat.web.internal.http.JsonOut;
import org.khidmat.web.internal.page.CentreTime;
import org.khidmat.web.internal.page.ServiceJson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.khidmat.api.descriptor.Text;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.Queue;
import org.khidmat.api.platform.QueueToken;

/**
 * What the hall display shows, worked out from today's tokens alone: the latest calls, newest first, with the
 * counter to go to, and how many wait. The same data is the display's rows ({@code hall/display.jte}), the JSON of
 * {@code GET /api/v1/queue/called} and the {@code data} of the display's server-sent events.
 *
 * @param calls the latest calls, newest first
 * @param waiting tokens waiting now
 * @param titles service titles by service id, for the services of {@code calls}
 * @param time the centre's zone, for the time of each call
 */
public record HallBoard(List<QueueToken> calls, int waiting, Map<String, Text> titles, CentreTime time) {
    /** Calls the display shows. */
    static final int SHOWN = 8;
    private static final Comparator<QueueToken> NEWEST = Comparator.comparing(QueueToken::calledAt).reversed()
            .thenComparing(Comparator.comparingLong(QueueToken::id).reversed());

    /**
     * @param today today's tokens, any order
     * @param titles titles of (at least) the services of the called tokens
     */
    static HallBoard of(List<QueueToken> today, Map<String, Text> titles) {
        return of(today, titles, CentreTime.defaults());
    }

    /** @return the board of today's tokens, its times in the centre's zone */
    static HallBoard of(List<QueueToken> today, Map<String, Text> titles, CentreTime time) {
        List<QueueToken> calls = today.stream().filter(t -> t.calledAt() != null).sorted(NEWEST).limit(SHOWN).toList();
        int waiting = (int) today.stream().filter(t -> QueueToken.WAITING.equals(t.state())).count();
        Map<String, Text> used = new LinkedHashMap<>();
        calls.forEach(t -> used.put(t.serviceId(), titles.get(t.serviceId())));
        return new HallBoard(calls, waiting, used, time);
    }

    /** @return what reads the board now: today's tokens once and the catalogue's titles once */
    public static Supplier<HallBoard> reader(Queue queue, Catalogue catalogue, Supplier<CentreTime> time) {
        return () -> {
            Map<String, Text> titles = new HashMap<>();
            catalogue.services().forEach(e -> titles.put(e.id(), e.descriptor().title()));
            return of(queue.today(), titles, time.get());
        };
    }

    /**
     * @return {@code {"calls": [{"number","counter","service","title":{"en","ur",...},"at"}], "waiting": n}}: a
     *         title in every language the service gives it (English always), a departed service's id as its English
     */
    public Map<String, Object> json() {
        List<Object> out = new ArrayList<>(calls.size());
        for (QueueToken t : calls) {
            Text title = titles.get(t.serviceId());
            out.add(ServiceJson.ordered("number", t.number(), "counter", t.counter(), "service", t.serviceId(),
                    "title", title == null ? Map.of("en", t.serviceId()) : title.asMap(), "at",
                    time.clock().format(t.calledAt())));
        }
        return ServiceJson.ordered("calls", out, "waiting", waiting);
    }

    /**
     * @param id the event's id, rising with each change
     * @return one server-sent event named {@code calls}; its data is {@link #json()} on one line
     */
    String event(long id) {
        // JSON escapes every line break inside strings, so the data is one line and needs no splitting
        return "id: " + id + "\nevent: calls\ndata: " + new String(JsonOut.bytes(json()), StandardCharsets.UTF_8) + "\n\n";
    }
}
