package org.khidmat.distribution.nodes;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.khidmat.distribution.Centre;

/**
 * Citizens at the kiosks and forms of several nodes at once: each thread talks to one node with a client of its own,
 * counts every answer by status (a failed request counts as 0) and keeps what was acknowledged.
 */
final class Citizens {
    /** A token the kiosk gave: its number, day and the node that gave it. */
    record Token(String number, String day, String node) {
    }

    /** An acknowledged application: what its citizen needs to track it, and the node that acknowledged it. */
    record Filed(String reference, String cnic, String node) {
    }

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000);
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final List<String> examples = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    /**
     * Takes {@code each} tokens of {@code service} on every node with {@code perNode} threads at once, all started
     * together; returns when all are done.
     */
    static List<Token> takeTokens(List<Centre> nodes, int perNode, int each, String service) throws InterruptedException {
        Citizens c = new Citizens();
        List<Token> tokens = Collections.synchronizedList(new ArrayList<>());
        String body = "{\"service\":\"" + service + "\"}";
        for (Centre node : nodes) {
            for (int t = 0; t < perNode; t++) {
                c.thread(node, "kiosk", () -> {
                    for (int i = 0; i < each; i++) {
                        JsonNode token = c.post(node, "/api/v1/queue/tokens", body, 201);
                        if (token != null) {
                            tokens.add(new Token(token.get("number").asText(), token.get("day").asText(), node.url("")));
                        }
                    }
                });
            }
        }
        c.join();
        if (c.count(201) != (long) nodes.size() * perNode * each) {
            throw new AssertionError("not every token was given: " + c.summary());
        }
        return List.copyOf(tokens);
    }

    /** Starts {@code perNode} citizens on each node filing applications until {@link #stop()}. */
    static Citizens filing(List<Centre> nodes, int perNode, String service, List<Filed> acknowledged) {
        Citizens c = new Citizens();
        for (Centre node : nodes) {
            for (int t = 0; t < perNode; t++) {
                c.thread(node, "filer", () -> {
                    while (c.running) {
                        String cnic = "61101" + String.format("%08d", SERIAL.incrementAndGet() % 100_000_000);
                        JsonNode filed = c.post(node, "/api/v1/applications", "{\"serviceId\":\"" + service
                                + "\",\"answers\":{\"fullName\":\"Citizen Under Test\",\"cnic\":\"" + cnic + "\","
                                + "\"purpose\":\"visa\",\"address\":\"House 1, Street 2, F-7/3\",\"mobile\":\"0300 1234567\"}}", 201);
                        if (filed != null) {
                            acknowledged.add(new Filed(filed.get("reference").asText(), cnic, node.url("")));
                        }
                    }
                });
            }
        }
        return c;
    }

    private void thread(Centre node, String kind, Runnable work) {
        Thread t = new Thread(work, kind + "-" + node.url(""));
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private final ThreadLocal<HttpClient> clients = ThreadLocal.withInitial(
            () -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());

    /** @return the answer's JSON when its status is {@code wanted}, else null (counted, the first few kept) */
    private JsonNode post(Centre node, String path, String json, int wanted) {
        int status;
        String body;
        try {
            HttpResponse<String> r = clients.get().send(HttpRequest.newBuilder(URI.create(node.url(path)))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(15))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            status = r.statusCode();
            body = r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
            body = e.toString();
        } catch (Exception e) {
            status = 0;
            body = e.toString();
        }
        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        if (status == wanted) {
            return ThreeNodes.read(body);
        }
        if (examples.size() < 6) {
            examples.add(node.url(path) + " -> " + status + ": " + body);
        }
        return null;
    }

    /** Stops the citizens and waits for them. */
    Citizens stop() throws InterruptedException {
        running = false;
        join();
        return this;
    }

    private void join() throws InterruptedException {
        for (Thread t : threads) {
            t.join(60_000);
        }
    }

    long count(int status) {
        AtomicLong n = statuses.get(status);
        return n == null ? 0 : n.get();
    }

    String summary() {
        Map<Integer, Long> sorted = new TreeMap<>();
        statuses.forEach((k, v) -> sorted.put(k, v.get()));
        return "statuses " + sorted + (examples.isEmpty() ? "" : "; first others: " + List.copyOf(examples));
    }
}
