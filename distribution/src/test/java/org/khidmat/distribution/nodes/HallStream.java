package org.khidmat.distribution.nodes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.khidmat.distribution.Centre;

/** A hall screen's server-sent events ({@code GET /display/events}) from one node, read line by line on a thread. */
final class HallStream implements AutoCloseable {
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;

    private HallStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the stream was closed: the test is over
            }
        }, "hall-stream");
        reader.setDaemon(true);
        reader.start();
    }

    static HallStream open(Centre node) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpResponse<Stream<String>> r = client.send(HttpRequest.newBuilder(URI.create(node.url("/display/events")))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        if (r.statusCode() != 200) {
            throw new AssertionError("/display/events answered " + r.statusCode());
        }
        return new HallStream(r);
    }

    /** @return the first line (from now on) that is wanted, or null when none came within the limit */
    String until(Predicate<String> wanted, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            String line = lines.poll(10, TimeUnit.MILLISECONDS);
            if (line != null && wanted.test(line)) {
                return line;
            }
        }
        return null;
    }

    @Override
    public void close() {
        response.body().close();
    }
}
