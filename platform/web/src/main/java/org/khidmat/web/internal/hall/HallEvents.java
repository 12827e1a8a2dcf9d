package org.khidmat.web.internal.hall;

import org.khidmat.web.internal.http.Http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /display/events}: the hall display's server-sent events. One queue listener serves every connection:
 * a change only marks the board stale, and one timer thread reads the board once and writes the same event to
 * every stream, so a burst of calls becomes one read and the thread that made the change never waits. No thread
 * is held per connection (Jetty writes asynchronously); a comment every {@code keepAlive} keeps idle connections
 * and proxies from timing out; {@link #close()} ends every stream, so displays reconnect to the next server.
 */
public final class HallEvents extends Handler.Abstract implements AutoCloseable {
    static final String PATH = "/display/events";
    /** Most streams at once; a centre has a few hall screens, so more is misuse. */
    static final int MOST = 200;
    /** Between comments on an idle stream: half of Jetty's default idle timeout of 30 seconds, which is kept. */
    public static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(HallEvents.class);
    private final Supplier<HallBoard> board;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stale = new AtomicBoolean();
    private final AtomicLong ids = new AtomicLong();
    private final ScheduledExecutorService timer;
    private final AutoCloseable listener;
    private volatile boolean closed;

    /**
     * @param queue the queue, listened to once
     * @param board reads the board as it is now
     * @param keepAlive how often a comment goes to every stream; well under the connector's idle timeout
     */
    public HallEvents(Queue queue, Supplier<HallBoard> board, Duration keepAlive) {
        this.board = board;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "khidmat-hall-events");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> streams.forEach(s -> s.send(": keep-alive\n\n", 0)),
                keepAlive.toMillis(), keepAlive.toMillis(), TimeUnit.MILLISECONDS);
        this.listener = queue.onChange(this::changed);
    }

    /** The queue's listener: returns at once, on the thread that changed the queue. */
    private void changed() {
        if (!closed && !streams.isEmpty() && stale.compareAndSet(false, true)) {
            try {
                timer.execute(this::push);
            } catch (RejectedExecutionException e) {
                stale.set(false); // closing
            }
        }
    }

    private void push() {
        stale.set(false);
        if (streams.isEmpty()) {
            return;
        }
        try {
            long id = ids.incrementAndGet();
            String event = board.get().event(id);
            streams.forEach(s -> s.send(event, id));
        } catch (RuntimeException e) {
            LOG.warn("hall display: the board could not be read: {}", e.toString());
        }
    }

    /** @return how many streams are open */
    int open() {
        return streams.size();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!PATH.equals(Request.getPathInContext(request))) {
            return false;
        }
        if (!"GET".equals(request.getMethod())) {
            response.getHeaders().put("Allow", "GET");
            Http.error(response, callback, 405, request.getMethod() + " is not allowed on " + PATH + "; use GET");
            return true;
        }
        if (closed || streams.size() >= MOST) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "30");
            Http.error(response, callback, 503, "the hall display's events are not available now; try again shortly");
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Accel-Buffering", "no");
        Stream s = new Stream(response, callback);
        streams.add(s);
        // the current board at once, so a display that reconnects is up to date; read after joining, so that no
        // change is missed, and numbered, so that a change pushed meanwhile is never overtaken by this older board
        long id = ids.incrementAndGet();
        String first;
        try {
            first = "retry: 3000\n" + board.get().event(id);
        } catch (RuntimeException e) {
            streams.remove(s);
            LOG.warn("hall display: the board could not be read: {}", e.toString());
            Http.error(response, callback, 503, "the hall display's events are not available now; try again shortly");
            return true;
        }
        request.addFailureListener(s::failed);
        s.send(first, id);
        if (closed) {
            s.end();
        }
        return true;
    }

    /** Ends every stream and stops listening to the queue. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (Exception e) {
            LOG.debug("hall display: removing the queue listener failed: {}", e.toString());
        }
        timer.shutdownNow();
        streams.forEach(Stream::end);
    }

    /**
     * One open stream. Jetty allows one write at a time: while one is under way, the next event waits, and a newer
     * event replaces it (each event holds the whole board); an event older than one already sent is dropped, and so
     * is a keep-alive when anything is waiting.
     */
    private final class Stream {
        private final Response response;
        private final Callback done;
        private boolean writing;
        private boolean ending;
        private boolean finished;
        private String waiting;
        private long newest;

        Stream(Response response, Callback done) {
            this.response = response;
            this.done = done;
        }

        /** @param id the event's number, or 0 for a comment */
        void send(String text, long id) {
            synchronized (this) {
                if (finished || ending || id != 0 && id <= newest) {
                    return;
                }
                newest = Math.max(newest, id);
                if (writing) {
                    if (id != 0 || waiting == null) {
                        waiting = text;
                    }
                    return;
                }
                writing = true;
            }
            write(text);
        }

        private void write(String text) {
            response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), Callback.from(this::written, this::failed));
        }

        private void written() {
            String next;
            boolean last;
            synchronized (this) {
                next = waiting;
                waiting = null;
                last = next == null && ending;
                writing = next != null;
            }
            if (next != null) {
                write(next);
            } else if (last) {
                finish();
            }
        }

        void end() {
            boolean now;
            synchronized (this) {
                ending = true;
                now = !writing && !finished;
            }
            if (now) {
                finish();
            }
        }

        private void finish() {
            synchronized (this) {
                if (finished) {
                    return;
                }
                finished = true;
            }
            streams.remove(this);
            response.write(true, ByteBuffer.allocate(0), done);
        }

        void failed(Throwable x) {
            synchronized (this) {
                if (finished) {
                    return;
                }
                finished = true;
            }
            streams.remove(this);
            done.failed(x);
        }
    }
}
