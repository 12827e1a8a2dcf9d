package org.khidmat.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Prepared answers: made once per stamp and variant, made again after the stamp changes, tagged by their bytes. */
class PreparedCacheTest {
    private final AtomicInteger made = new AtomicInteger();

    private Prepared make(String body) {
        made.incrementAndGet();
        return Prepared.of(body.getBytes(StandardCharsets.UTF_8), Prepared.JSON, "no-cache", "Accept-Encoding", null);
    }

    @Test
    void keptWhileTheStampStaysAndMadeAgainWhenItChanges() {
        PreparedCache cache = new PreparedCache();
        Prepared first = cache.get(1, "all", () -> make("[1]"));
        assertSame(first, cache.get(1, "all", () -> make("[1]")));
        assertEquals(1, made.get());
        Prepared other = cache.get(1, "agency=nadra", () -> make("[2]"));
        assertNotEquals(first.etag(), other.etag());
        Prepared next = cache.get(2, "all", () -> make("[1,3]"));
        assertEquals(3, made.get());
        assertNotEquals(first.etag(), next.etag(), "new bytes, new tag");
        assertEquals(1, cache.size(), "the old stamp's answers are dropped");
    }

    @Test
    void theSameBytesGiveTheSameTagOnAnyNode() {
        assertEquals(make("[1]").etag(), make("[1]").etag());
        assertNotEquals(make("[1]").etag(), make("[1]").gzipEtag());
    }

    @Test
    void atMostMaxVariantsAreKept() {
        PreparedCache cache = new PreparedCache();
        for (int i = 0; i < PreparedCache.MAX + 50; i++) {
            String body = "[" + i + "]";
            assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), cache.get(1, "v" + i, () -> make(body)).plain());
        }
        assertEquals(PreparedCache.MAX, cache.size());
    }

    @Test
    void theGzipBytesAreThePlainOnes() throws Exception {
        Prepared p = make("[\"" + "x".repeat(1000) + "\"]");
        assertTrue(p.gzip().length < p.plain().length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(p.gzip()))) {
            assertArrayEquals(p.plain(), in.readAllBytes());
        }
    }

    @Test
    void ifNoneMatchNamesTheTag() {
        assertTrue(Prepared.matches("\"abc\"", "\"abc\""));
        assertTrue(Prepared.matches("\"x\", \"abc\"", "\"abc\""));
        assertTrue(Prepared.matches("W/\"abc\"", "\"abc\""));
        assertTrue(Prepared.matches("*", "\"abc\""));
        assertFalse(Prepared.matches("\"abc-gzip\"", "\"abc\""));
        assertFalse(Prepared.matches(null, "\"abc\""));
    }
}
