package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.khidmat.api.platform.StoreException;

/** One caller's write in a {@link PostgresGroupWriter}: its result and what is to run once it is committed. */
final class PendingWrite<T> {
    final String what;
    final Database.Work<T> work;
    final CompletableFuture<T> done = new CompletableFuture<>();
    /** {@code true} when this write's caller is to lead the next group; {@code false} once it is done. */
    final CompletableFuture<Boolean> turn = new CompletableFuture<>();
    final List<Runnable> afterCommit = new ArrayList<>();
    final String requestId = RequestTag.current();
    volatile long began;
    T result;

    PendingWrite(String what, Database.Work<T> work) {
        this.what = what;
        this.work = work;
        done.whenComplete((r, e) -> turn.complete(false));
    }

    void run(Connection c) throws SQLException {
        if (began == 0) {
            began = System.nanoTime();
        }
        result = RequestTag.during(requestId, work, c);
    }

    void fail(Throwable e) {
        done.completeExceptionally(e instanceof SQLException
                ? new StoreException("could not " + what + ": " + e.getMessage(), e) : e);
    }

    void complete() {
        done.complete(result);
    }

    @SuppressWarnings("unchecked")
    void resultIs(Object r) {
        result = (T) r;
    }
}
