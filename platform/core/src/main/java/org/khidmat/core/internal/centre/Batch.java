package org.khidmat.core.internal.centre;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Items handed over by many threads and taken together by one: the first items of a round say so, and the caller then
 * schedules the round that takes them all; items handed over meanwhile go in that round.
 */
final class Batch<T> {
    private final List<T> items = new ArrayList<>();

    /** @return whether these are the first items since the last {@link #takeAll} (the caller schedules the round) */
    synchronized boolean add(Collection<? extends T> more) {
        boolean first = items.isEmpty();
        items.addAll(more);
        return first;
    }

    synchronized List<T> takeAll() {
        List<T> all = new ArrayList<>(items);
        items.clear();
        return all;
    }
}
