package org.khidmat.store.internal;

/** Told the times of each store read and write: when it was asked, when its work began (after waiting) and ended. */
@FunctionalInterface
interface StoreTimer {
    /** Times nothing: the database's default. */
    StoreTimer NONE = (kind, asked, began, ended) -> { };

    /**
     * @param kind {@code read} or {@code write}
     * @param asked {@link System#nanoTime()} when the caller asked
     * @param began when the work began on a connection, or 0 if it never did (the read limit, a closed store)
     * @param ended when the call returned or threw
     */
    void record(String kind, long asked, long began, long ended);
}
