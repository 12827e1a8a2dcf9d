package org.khidmat.distribution.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.khidmat.distribution.Centre;

/**
 * Citizens reading the site while a fault happens: background threads that, until stopped, GET
 * {@code /api/v1/services} (status 200, and never lacking a service id that was there at the start and has not
 * been withdrawn on purpose), {@code /health}, {@code /} and a service page. Every non-2xx answer, failed request
 * and short catalogue is counted, with the first examples kept for the failure message; ids that must never be
 * listed ({@link #forbid}) are counted when seen.
 */
final class Poller implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXAMPLES = 8;

    private final Centre centre;
    private final List<String> paths;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Set<String> expected = ConcurrentHashMap.newKeySet();
    private final Set<String> forbidden = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong shortCatalogues = new AtomicLong();
    private final AtomicLong forbiddenSeen = new AtomicLong();
    private final List<String> examples = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    private Poller(Centre centre, Set<String> atStart, List<String> servicePages) {
        this.centre = centre;
        List<String> all = new ArrayList<>();
        for (String page : servicePages) {
            all.addAll(List.of("/api/v1/services", "/health", "/", page));
        }
        this.paths = List.copyOf(all);
        this.expected.addAll(atStart);
    }

    /** Starts {@code threads} readers; the services listed now are the ones that must stay listed. */
    static Poller start(Centre centre, int threads) {
        return start(centre, threads, List.of());
    }

    /** The same, reading the start pages ({@code /services/<id>}) of the given services in turn. */
    static Poller start(Centre centre, int threads, List<String> serviceIds) {
        Set<String> now = ids(centre.get("/api/v1/services").body());
        if (now.isEmpty()) {
            throw new AssertionError("the centre lists no services to watch");
        }
        List<String> pages = (serviceIds.isEmpty() ? List.of(now.stream().sorted().findFirst().orElseThrow()) : serviceIds)
                .stream().map(id -> "/services/" + id).toList();
        Poller p = new Poller(centre, now, pages);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(p::loop, "fault-poller-" + i);
            t.setDaemon(true);
            p.threads.add(t);
            t.start();
        }
        return p;
    }

    /** From now on the service must be listed. */
    void expect(String serviceId) {
        expected.add(serviceId);
    }

    /** The service leaves on purpose: its absence is no longer a short catalogue. */
    void allowGone(String serviceId) {
        expected.remove(serviceId);
    }

    /** The service must never be listed while the poller runs. */
    void forbid(String serviceId) {
        forbidden.add(serviceId);
    }

    private void loop() {
        int i = (int) (Thread.currentThread().getId() % paths.size());
        while (running) {
            String path = paths.get(i++ % paths.size());
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(centre.url(path)))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                requests.incrementAndGet();
                if (r.statusCode() / 100 != 2) {
                    problem(errors, path + " answered " + r.statusCode() + ": " + abbreviate(r.body()));
                } else if (path.equals("/api/v1/services")) {
                    check(ids(r.body()));
                }
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                requests.incrementAndGet();
                if (running) {
                    problem(errors, path + " failed: " + e);
                }
            }
        }
    }

    private void check(Set<String> listed) {
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(listed);
        if (!missing.isEmpty()) {
            problem(shortCatalogues, "/api/v1/services lacked " + missing);
        }
        for (String id : forbidden) {
            if (listed.contains(id)) {
                problem(forbiddenSeen, "/api/v1/services listed " + id);
            }
        }
    }

    private void problem(AtomicLong counter, String example) {
        counter.incrementAndGet();
        if (examples.size() < EXAMPLES) {
            examples.add(System.currentTimeMillis() % 100_000 + " ms: " + example);
        }
    }

    /** Stops the readers and waits for them. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(15_000);
        }
    }

    long requests() {
        return requests.get();
    }

    long errors() {
        return errors.get();
    }

    long shortCatalogues() {
        return shortCatalogues.get();
    }

    long forbiddenSeen() {
        return forbiddenSeen.get();
    }

    /** @return counts and the first problems seen, for a failure message or a report */
    String summary() {
        return requests + " requests, " + errors + " errors, " + shortCatalogues + " short catalogues, "
                + forbiddenSeen + " forbidden ids seen" + (examples.isEmpty() ? "" : "; first: " + List.copyOf(examples));
    }

    /** Fails unless every request answered 2xx with a full catalogue and no forbidden id. */
    void assertClean() {
        if (requests.get() == 0 || errors.get() != 0 || shortCatalogues.get() != 0 || forbiddenSeen.get() != 0) {
            throw new AssertionError("while the fault happened, the site's readers saw: " + summary());
        }
    }

    static Set<String> ids(String servicesJson) {
        Set<String> out = new HashSet<>();
        try {
            for (JsonNode s : JSON.readTree(servicesJson)) {
                out.add(s.get("id").asText());
            }
        } catch (Exception e) {
            throw new IllegalStateException("/api/v1/services is not a JSON array of services: " + abbreviate(servicesJson), e);
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
