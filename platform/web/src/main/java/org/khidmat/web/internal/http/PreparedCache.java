package org.khidmat.web.internal.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Prepared answers by variant (a path with its parameters, a language), kept while the catalogue's stamp stays the
 * same and all dropped at once when it changes. At most {@link #MAX} variants are kept; any beyond are made for
 * the request and not kept, so odd parameters cannot fill the memory.
 */
public final class PreparedCache {
    static final int MAX = 256;

    private record Generation(long stamp, Map<String, Prepared> byVariant) {
    }

    private volatile Generation current = new Generation(Long.MIN_VALUE, new ConcurrentHashMap<>());

    /**
     * @param stamp the catalogue's stamp, read before the catalogue itself
     * @param variant what distinguishes this answer from the others of the same stamp
     * @param make makes the answer when it is not kept
     * @return the answer kept for the stamp and variant, made now if there is none
     */
    public Prepared get(long stamp, String variant, Supplier<Prepared> make) {
        Generation g = current;
        if (g.stamp() != stamp) {
            g = new Generation(stamp, new ConcurrentHashMap<>());
            current = g;
        }
        Prepared p = g.byVariant().get(variant);
        if (p == null) {
            p = make.get();
            if (g.byVariant().size() < MAX) {
                g.byVariant().putIfAbsent(variant, p);
            }
        }
        return p;
    }

    /** @return how many variants are kept for the current stamp */
    int size() {
        return current.byVariant().size();
    }
}
