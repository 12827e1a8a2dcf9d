package org.khidmat.core.internal.applications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferencesTest {
    private final References references = new References();

    @Test
    void newReferencesAreGroupedAndValid() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String r = references.next();
            assertTrue(r.matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]"), r);
            assertEquals(r, References.normalise(r));
            seen.add(r);
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void oneDrawFromTheSharedRandomServesManyReferencesAndEveryCharacterComesEverywhere() {
        java.util.concurrent.atomic.AtomicInteger draws = new java.util.concurrent.atomic.AtomicInteger();
        References counted = new References(new java.security.SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                draws.incrementAndGet();
                super.nextBytes(bytes);
            }
        });
        java.util.List<Set<Character>> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seen.add(new HashSet<>());
        }
        for (int n = 0; n < 3000; n++) {
            String body = counted.next().replace("-", "").substring(0, 8);
            for (int i = 0; i < 8; i++) {
                seen.get(i).add(body.charAt(i));
            }
        }
        // the SecureRandom is locked per call and hashes for each, shared by every request thread: one draw serves many
        assertEquals((3000 + References.PER_DRAW - 1) / References.PER_DRAW, draws.get(),
                "calls to the shared SecureRandom for 3000 references");
        for (int i = 0; i < 8; i++) {
            assertEquals(References.ALPHABET.length(), seen.get(i).size(), "characters seen at position " + i);
        }
    }

    @Test
    void threadsDrawingAtOnceNeverShareBytes() throws Exception {
        // every 5 bytes drawn are a distinct 40-bit number: two references alike would mean bytes used twice
        java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong();
        References counted = new References(new java.security.SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                for (int i = 0; i < bytes.length; i += 5) {
                    long n = counter.getAndIncrement();
                    for (int k = 0; k < 5; k++) {
                        bytes[i + k] = (byte) (n >>> (8 * (4 - k)));
                    }
                }
            }
        });
        int threads = 8;
        int each = 2_000;
        Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        seen.add(counted.next());
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * each, seen.size(), "distinct references from distinct draws");
    }

    @Test
    void typedFormsAreAccepted() {
        String r = references.next();
        assertEquals(r, References.normalise(r.toLowerCase().replace("-", "")));
        assertEquals(r, References.normalise(" " + r.replace("-", " ") + " "));
    }

    @Test
    void everySingleMistypedCharacterIsCaught() {
        String r = references.next().replace("-", "");
        for (int i = 0; i < r.length(); i++) {
            for (char c : References.ALPHABET.toCharArray()) {
                if (c != r.charAt(i)) {
                    String wrong = r.substring(0, i) + c + r.substring(i + 1);
                    assertNull(References.normalise(wrong), wrong + " should not pass for " + r);
                }
            }
        }
    }

    @Test
    void swappedNeighboursAreCaught() {
        for (int n = 0; n < 200; n++) {
            String r = references.next().replace("-", "");
            for (int i = 0; i + 1 < r.length(); i++) {
                // Luhn mod N misses exactly one swap: the first and last characters of the alphabet (2 and Z)
                String pair = "" + r.charAt(i) + r.charAt(i + 1);
                if (r.charAt(i) != r.charAt(i + 1) && !pair.equals("2Z") && !pair.equals("Z2")) {
                    String swapped = r.substring(0, i) + r.charAt(i + 1) + r.charAt(i) + r.substring(i + 2);
                    assertNull(References.normalise(swapped), swapped + " should not pass for " + r);
                }
            }
        }
    }

    @Test
    void notReferences() {
        assertNull(References.normalise(null));
        assertNull(References.normalise(""));
        assertNull(References.normalise("KM7Q-4XPA"));
        assertNull(References.normalise("KM0Q-4XPA-K"));
        assertNull(References.normalise("KM7Q-4XPA-KK"));
    }
}
