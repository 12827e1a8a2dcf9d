package org.khidmat.distribution.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.khidmat.distribution.Centre;

/**
 * Citizens filing valid applications while something else happens: threads that, until stopped, POST
 * {@code /api/v1/applications} for the given services in turn, count every answer by status (a failed request
 * counts as status 0) and keep each acknowledged (201) reference with the CNIC it was filed with.
 */
final class Filer implements AutoCloseable {
    /** An acknowledged application: what a citizen needs to track it. */
    record Filed(String reference, String cnic, String serviceId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000);

    private final Centre centre;
    private final List<String> services;
    private final Function<String, String> answers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<Integer, AtomicLong> statuses = Collections.synchronizedMap(new TreeMap<>());
    private final List<Filed> filed = Collections.synchronizedList(new ArrayList<>());
    private final List<String> examples = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();
    private final long pauseMillis;
    private volatile boolean running = true;

    private Filer(Centre centre, List<String> services, Function<String, String> answers, long pauseMillis) {
        this.centre = centre;
        this.services = List.copyOf(services);
        this.answers = answers;
        this.pauseMillis = pauseMillis;
    }

    /**
     * Starts {@code threads} citizens.
     *
     * @param answers the JSON object of answers for a CNIC (13 digits)
     * @param pauseMillis the pause between one citizen's applications
     */
    static Filer start(Centre centre, int threads, List<String> services, Function<String, String> answers, long pauseMillis) {
        Filer f = new Filer(centre, services, answers, pauseMillis);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(f::loop, "fault-filer-" + i);
            t.setDaemon(true);
            f.threads.add(t);
            t.start();
        }
        return f;
    }

    /** The answers of the test bundles' descriptors ({@code TestBundles.descriptor}): only a CNIC. */
    static String cnicOnly(String cnic) {
        return "{\"cnic\":\"" + cnic + "\"}";
    }

    private void loop() {
        int i = (int) (SERIAL.get() % services.size());
        while (running) {
            String service = services.get(i++ % services.size());
            String cnic = "61101" + String.format("%08d", SERIAL.incrementAndGet() % 100_000_000);
            String body = "{\"serviceId\":\"" + service + "\",\"answers\":" + answers.apply(cnic) + "}";
            int status;
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(centre.url("/api/v1/applications")))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                status = r.statusCode();
                if (status == 201) {
                    filed.add(new Filed(JSON.readTree(r.body()).get("reference").asText(), cnic, service));
                } else if (examples.size() < 8) {
                    examples.add(service + " -> " + status + ": " + r.body());
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                status = 0;
                if (examples.size() < 8 && running) {
                    examples.add(service + " -> " + e);
                }
            }
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(15_000);
        }
    }

    /** @return how many answers of each status (0: the request failed) */
    Map<Integer, Long> statuses() {
        synchronized (statuses) {
            Map<Integer, Long> out = new TreeMap<>();
            statuses.forEach((k, v) -> out.put(k, v.get()));
            return out;
        }
    }

    long count(int status) {
        return statuses().getOrDefault(status, 0L);
    }

    long total() {
        return statuses().values().stream().mapToLong(Long::longValue).sum();
    }

    List<Filed> filed() {
        return List.copyOf(filed);
    }

    String summary() {
        return "statuses " + statuses() + (examples.isEmpty() ? "" : "; first others: " + List.copyOf(examples));
    }
}
