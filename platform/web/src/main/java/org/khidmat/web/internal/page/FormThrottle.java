package org.khidmat.web.internal.page;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.Http;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Rate limit on the public forms and the public JSON API: every POST without a valid staff credential (a session or
 * bearer token the accounts service knows: merely sending a cookie or an Authorization header skips nothing) takes a
 * token from its client address's bucket, which holds {@code perMinute} tokens and refills at that rate. Logging in
 * ({@code /login}, {@code /api/v1/login}) takes from a bucket of its own, {@link #LOGINS_PER_MINUTE} a minute, whatever
 * credential comes with it: each try costs a deliberately slow password hash, and the per-name throttle in the
 * accounts service comes after. An empty bucket gets 429 with Retry-After and a plain message; nothing of the request
 * is read or stored. The limit is {@code publicPostsPerMinute} of {@code conf/org.khidmat.web.cfg.json} (or
 * {@code KHIDMAT_PUBLIC_POSTS_PER_MINUTE}; default 120, 0 turns it off; the login limit stays), taken without a restart. Behind a proxy, set
 * {@code KHIDMAT_BEHIND_PROXY} and {@code KHIDMAT_TRUSTED_PROXIES} so the address is the citizen's, not the proxy's.
 * The buckets are this node's; a request they let through is then counted in the database as well ({@link SharedLimit}:
 * {@code perMinute} a minute, and {@link #LOGIN_BURST} logins in two minutes, per address across every node), so many
 * nodes behind a balancer do not multiply the limits. The node's own buckets only ever refuse earlier (one node's share
 * of an address's requests is never more than all of them), and refuse without a write.
 */
public final class FormThrottle extends Handler.Wrapper {
    public static final int DEFAULT_PER_MINUTE = 120;
    /** Buckets kept before full ones (idle addresses) are dropped. */
    static final int MAX_ADDRESSES = 10_000;
    /** Login tries one address may make in a minute, after a burst of {@link #LOGIN_BURST}. */
    static final int LOGINS_PER_MINUTE = 30;
    /**
     * Login tries one address may make at once: an office behind one NAT where someone is guessing still gets its
     * staff through at {@link #LOGINS_PER_MINUTE}, and a guesser meets the accounts service's own throttle first.
     */
    static final int LOGIN_BURST = 60;
    private volatile Buckets posts;
    private final LongSupplier nanos;
    private final Buckets logins;
    private final Predicate<Request> staff;
    private final SharedLimit shared;

    /** Tokens and when they were last counted. */
    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    /** @param staff whether a request carries a valid staff credential */
    public FormThrottle(Handler handler, int perMinute, LongSupplier nanos, Predicate<Request> staff) {
        this(handler, perMinute, nanos, staff, new SharedLimit(() -> null, java.time.Clock.systemUTC()));
    }

    /** @param shared the limits counted across nodes, after this node's own */
    public FormThrottle(Handler handler, int perMinute, LongSupplier nanos, Predicate<Request> staff, SharedLimit shared) {
        super(handler);
        this.shared = shared;
        this.posts = new Buckets(perMinute, perMinute, nanos);
        this.nanos = nanos;
        this.logins = new Buckets(LOGIN_BURST, LOGINS_PER_MINUTE, nanos);
        this.staff = staff;
    }

    /**
     * Takes a new limit without a restart ({@code publicPostsPerMinute} of {@code conf/org.khidmat.web.cfg.json}):
     * every address starts again with a full bucket of the new size.
     *
     * @param perMinute public POSTs a minute from one address; 0 turns the limit off
     */
    public void limit(int perMinute) {
        if (perMinute != posts.perMinute) {
            posts = new Buckets(perMinute, perMinute, nanos);
        }
    }

    /** For a gate: a session or bearer token is a staff credential only when the accounts service knows it. */
    public static Predicate<Request> validCredential(Gate gate) {
        return request -> presented(request) && gate.caller(request).isPresent();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (Exchange.isPost(request)) {
            boolean login = login(request);
            long wait = login ? wait(Request.getRemoteAddr(request), true)
                    : posts.perMinute > 0 && !staff.test(request) ? wait(Request.getRemoteAddr(request), false) : 0;
            if (wait > 0) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(wait));
                if (Request.getPathInContext(request).startsWith("/api/")) {
                    Http.error(response, callback, 429, "too many requests from your address; try again in " + wait
                            + " seconds");
                } else {
                    Http.html(response, callback, 429, Layout.render(request, Layout.lang(request), "page/tooMany.jte", wait));
                }
                return true;
            }
        }
        return super.handle(request, response, callback);
    }

    /** Logging in takes from a bucket of its own; the accounts service throttles per name and address after it. */
    private static boolean login(Request request) {
        String path = Request.getPathInContext(request);
        return path.equals("/login") || path.equals("/api/v1/login");
    }

    /** @return whether the request presents a credential at all (checking one costs a look-up: only then) */
    private static boolean presented(Request request) {
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        String session = Exchange.cookie(request, Gate.COOKIE);
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) || session != null && !session.isEmpty();
    }

    /**
     * Takes from this node's bucket, then (when it let the request through) counts it across the nodes.
     *
     * @return 0 when the request may go ahead, else the seconds to wait
     */
    long wait(String address, boolean login) {
        if (login) {
            long wait = logins.take(address);
            return wait > 0 ? wait : shared.take("form-login:" + address, LOGIN_BURST, java.time.Duration.ofMinutes(2));
        }
        Buckets p = posts;
        long wait = p.take(address);
        return wait > 0 ? wait : shared.take("form-post:" + address, p.perMinute, java.time.Duration.ofMinutes(1));
    }

    /** @return 0 when a public POST's token was taken, else the seconds until one is there */
    long take(String address) {
        return posts.take(address);
    }

    /** @return 0 when a login's token was taken, else the seconds until one is there */
    long takeLogin(String address) {
        return logins.take(address);
    }

    /** Token buckets per address, each holding {@code capacity} tokens and refilling at {@code perMinute}. */
    private static final class Buckets {
        final int capacity;
        final int perMinute;
        private final LongSupplier nanos;
        private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

        Buckets(int capacity, int perMinute, LongSupplier nanos) {
            this.capacity = capacity;
            this.perMinute = perMinute;
            this.nanos = nanos;
        }

        long take(String address) {
            long now = nanos.getAsLong();
            if (buckets.size() > MAX_ADDRESSES) {
                forgetIdle(now);
            }
            Bucket b = buckets.computeIfAbsent(address, a -> new Bucket(capacity, now));
            synchronized (b) {
                b.tokens = Math.min(capacity, b.tokens + (now - b.at) / 60e9 * perMinute);
                b.at = now;
                if (b.tokens >= 1) {
                    b.tokens -= 1;
                    return 0;
                }
                return (long) Math.ceil((1 - b.tokens) * 60.0 / perMinute);
            }
        }

        private void forgetIdle(long now) {
            for (Iterator<Bucket> i = buckets.values().iterator(); i.hasNext();) {
                Bucket b = i.next();
                synchronized (b) {
                    if (b.tokens + (now - b.at) / 60e9 * perMinute >= capacity) {
                        i.remove();
                    }
                }
            }
        }
    }
}
