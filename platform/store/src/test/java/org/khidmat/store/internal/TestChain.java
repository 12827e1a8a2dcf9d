package org.khidmat.store.internal;

import java.time.Clock;
import java.util.Arrays;

/** The audit chain of a test database: a fixed key, the anchor signed as at a centre's first start. */
final class TestChain {
    static final byte[] KEY = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    private TestChain() {
    }

    static AuditChain of(Database db) {
        return of(db, Clock.systemUTC());
    }

    static AuditChain of(Database db, Clock clock) {
        AuditChain chain = new AuditChain(db, KEY, clock);
        chain.signAnchor(true);
        return chain;
    }
}
