package org.khidmat.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The request id made at the edge: in the answer's header and on the log lines written while serving. */
class RequestIdsTest {
    private static final String FRESH = "[0-9a-f]{9}-[0-9a-f]{9}";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** What a handler saw: the id in MDC at the moment it logged, as the log layout reads it. */
    private final List<String> logged = new CopyOnWriteArrayList<>();

    @Test
    void theIdIsInTheHeaderAndInTheLogLinesOfTheRequest() throws Exception {
        Logger jul = Logger.getLogger("org.khidmat.test.Serving");
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(MDC.get(RequestIds.MDC_KEY) + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(capture);
        org.slf4j.Logger log = LoggerFactory.getLogger("org.khidmat.test.Serving");
        Handler serving = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (request.getHttpURI().getPath().equals("/fails")) {
                    throw new IllegalStateException("a handler's bug");
                }
                log.info("serving");
                Http.json(response, callback, 200, java.util.Map.of("ok", true));
                return true;
            }
        };
        try (TestServer server = new TestServer(new RequestIds(serving), null, 50)) {
            HttpResponse<String> fresh = get(server, null);
            String id = fresh.headers().firstValue(RequestIds.HEADER).orElseThrow();
            assertTrue(id.matches(FRESH), id);
            assertEquals(List.of(id + " serving"), logged);

            logged.clear();
            HttpResponse<String> given = get(server, "lb-7f3a9c2e.01");
            assertEquals("lb-7f3a9c2e.01", given.headers().firstValue(RequestIds.HEADER).orElseThrow());
            assertEquals(List.of("lb-7f3a9c2e.01 serving"), logged);

            for (String unsafe : List.of("6110112345671-x", "short", "has space in it", "x".repeat(65), "<script>alert</script>")) {
                logged.clear();
                String answered = get(server, unsafe).headers().firstValue(RequestIds.HEADER).orElseThrow();
                assertNotEquals(unsafe, answered);
                assertTrue(answered.matches(FRESH), answered);
                assertEquals(List.of(answered + " serving"), logged, "a fresh id replaces " + unsafe);
            }
            logged.clear();
            java.util.logging.Logger.getLogger(ErrorPages.class.getName()).addHandler(capture);
            HttpResponse<String> failed = get(server, "lb-0000-fails", "/fails");
            java.util.logging.Logger.getLogger(ErrorPages.class.getName()).removeHandler(capture);
            assertEquals(500, failed.statusCode());
            assertEquals("lb-0000-fails", failed.headers().firstValue(RequestIds.HEADER).orElse(null),
                    "an error page carries the id too");
            assertTrue(logged.size() == 1 && logged.get(0).startsWith("lb-0000-fails web: "), logged.toString());
            assertNotEquals(id, get(server, null).headers().firstValue(RequestIds.HEADER).orElseThrow(),
                    "each request its own id");
        } finally {
            jul.removeHandler(capture);
        }
        assertNull(MDC.get(RequestIds.MDC_KEY));
    }

    @Test
    void freshIdsSortByTimeAndPassAsSafeWhenSentBack() {
        long t = 1_796_300_000_123L;
        String first = RequestIds.fresh(t, 0xffffff);
        assertEquals("06b11bfe0-07b000000".length(), first.length());
        assertTrue(first.matches(FRESH), first);
        assertEquals(Long.toHexString(t / 1000), first.substring(0, 9).replaceFirst("^0+", ""));
        assertEquals(first, RequestIds.idFor(first), "a client sending the id back keeps it");
        java.util.List<String> made = new java.util.ArrayList<>();
        for (long at : new long[] {t, t + 1, t + 999 - 123, t + 1000 - 123, t + 86_400_000L, t + 10L * 365 * 86_400_000L}) {
            made.add(RequestIds.fresh(at, made.size() % 2 == 0 ? 0xffffff : 0));
        }
        java.util.List<String> sorted = new java.util.ArrayList<>(made);
        java.util.Collections.sort(sorted);
        assertEquals(made, sorted, "later ids sort later, whatever their random part");
        assertTrue(RequestIds.fresh(t, 0).compareTo(RequestIds.fresh(t, 1)) < 0);
    }

    private HttpResponse<String> get(TestServer server, String id) throws Exception {
        return get(server, id, "/");
    }

    private HttpResponse<String> get(TestServer server, String id, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + path))
                .timeout(Duration.ofSeconds(5));
        if (id != null) {
            b.header(RequestIds.HEADER, id);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
