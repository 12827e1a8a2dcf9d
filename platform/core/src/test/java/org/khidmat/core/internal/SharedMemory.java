package org.khidmat.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.khidmat.api.store.Leases;
import org.khidmat.api.store.SessionStore;
import org.khidmat.api.store.StoredSession;
import org.khidmat.api.store.ThrottleCount;
import org.khidmat.api.store.Throttles;

/**
 * The shared-state contracts in memory, one object standing for one database: desks of two "nodes" made over the same
 * instance share it as nodes share a database. Each method is atomic, as the store's statement is. The store's own
 * SQL is tested over a real database with two connections ({@code SharedStateTest} in the store).
 */
public final class SharedMemory {
    private final Clock clock;
    public final Map<String, StoredSession> sessions = new ConcurrentHashMap<>();
    public final Map<String, ThrottleCount> counters = new ConcurrentHashMap<>();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final Map<String, String> holders = new ConcurrentHashMap<>();
    private final Map<String, Instant> leaseEnds = new ConcurrentHashMap<>();
    /** Session writes (open, touch), to check that a request is not a write. */
    public final AtomicInteger sessionWrites = new AtomicInteger();

    public SharedMemory(Clock clock) {
        this.clock = clock;
    }

    public SessionStore sessions() {
        return new SessionStore() {
            @Override
            public void open(StoredSession s) {
                sessionWrites.incrementAndGet();
                sessions.put(s.idHash(), s);
            }

            @Override
            public Optional<StoredSession> find(String idHash) {
                return Optional.ofNullable(sessions.get(idHash));
            }

            @Override
            public boolean touch(String idHash, Instant lastSeen) {
                sessionWrites.incrementAndGet();
                return sessions.computeIfPresent(idHash, (k, s) -> s.lastSeen().isBefore(lastSeen)
                        ? StoredSession.of(k, s.username(), s.csrf(), s.created(), lastSeen) : s) != null;
            }

            @Override
            public void close(String idHash) {
                sessions.remove(idHash);
            }

            @Override
            public int closeAll(String username) {
                int before = sessions.size();
                sessions.values().removeIf(s -> s.username().equals(username));
                return before - sessions.size();
            }

            @Override
            public int expire(Instant lastSeenBefore) {
                int before = sessions.size();
                sessions.values().removeIf(s -> s.lastSeen().isBefore(lastSeenBefore));
                return before - sessions.size();
            }
        };
    }

    /** One object for every node, so its synchronized methods are atomic across them. */
    public Throttles throttles() {
        return throttles;
    }

    private final Throttles throttles = new Throttles() {
            @Override
            public synchronized long hit(String key, Instant at, Instant expires) {
                Instant was = expiries.get(key);
                ThrottleCount c = counters.get(key);
                long n = c == null || was.isBefore(at) ? 1 : c.count() + 1;
                counters.put(key, ThrottleCount.of(n, at));
                expiries.put(key, expires);
                return n;
            }

            @Override
            public synchronized Optional<ThrottleCount> count(String key, Instant now) {
                Instant e = expiries.get(key);
                return e == null || e.isBefore(now) ? Optional.empty() : Optional.ofNullable(counters.get(key));
            }

            @Override
            public synchronized void clear(String key) {
                counters.remove(key);
                expiries.remove(key);
            }

            @Override
            public synchronized int forget(Instant now) {
                int n = 0;
                for (String k : Map.copyOf(expiries).keySet()) {
                    if (expiries.get(k).isBefore(now)) {
                        clear(k);
                        n++;
                    }
                }
                return n;
            }
        };

    /** One object for every node, so its synchronized methods are atomic across them. */
    public Leases leases() {
        return leases;
    }

    private final Leases leases = new Leases() {
            @Override
            public synchronized boolean tryAcquire(String name, String holder, Duration ttl) {
                Instant now = clock.instant();
                Instant end = leaseEnds.get(name);
                if (end == null || end.isBefore(now) || holder.equals(holders.get(name))) {
                    holders.put(name, holder);
                    leaseEnds.put(name, now.plus(ttl));
                    return true;
                }
                return false;
            }

            @Override
            public synchronized boolean renew(String name, String holder, Duration ttl) {
                Instant now = clock.instant();
                if (holder.equals(holders.get(name)) && !leaseEnds.get(name).isBefore(now)) {
                    leaseEnds.put(name, now.plus(ttl));
                    return true;
                }
                return false;
            }

            @Override
            public synchronized void release(String name, String holder) {
                if (holder.equals(holders.get(name))) {
                    holders.remove(name);
                    leaseEnds.remove(name);
                }
            }

            @Override
            public synchronized Optional<String> holder(String name) {
                Instant end = leaseEnds.get(name);
                return end == null || end.isBefore(clock.instant()) ? Optional.empty() : Optional.of(holders.get(name));
            }
        };
}
