package org.khidmat.web.internal;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Rate limit on the public forms and the public JSON API: every POST without a staff credential (session cookie
 * or bearer token), except logging in (which has a throttle of its own), takes a token from its client address's bucket,
 * which holds {@code perMinute} tokens and refills at that rate. An empty bucket gets 429 with Retry-After and
 * a plain message; nothing of the request is read or stored. The limit is the framework property
 * {@code khidmat.web.publicPostsPerMinute} (launcher: {@code KHIDMAT_PUBLIC_POSTS_PER_MINUTE}; default 120, 0 turns
 * it off). Behind a proxy, set {@code KHIDMAT_BEHIND_PROXY} so the address is the citizen's, not the proxy's.
 */
final class FormThrottle extends Handler.Wrapper {
    static final int DEFAULT_PER_MINUTE = 120;
    /** Buckets kept before full ones (idle addresses) are dropped. */
    static final int MAX_ADDRESSES = 10_000;
    private final int perMinute;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Tokens and when they were last counted. */
    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    FormThrottle(Handler handler, int perMinute, LongSupplier nanos) {
        super(handler);
        this.perMinute = perMinute;
        this.nanos = nanos;
    }

    /** @param value the framework property as set, or {@code null}; @return the limit per minute */
    static int perMinute(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PER_MINUTE;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("khidmat.web.publicPostsPerMinute must be a whole number, 0 or more, not '"
                + value + "'");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (perMinute > 0 && Exchange.isPost(request) && !staff(request) && !login(request)) {
            long wait = take(Request.getRemoteAddr(request));
            if (wait > 0) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(wait));
                if (Request.getPathInContext(request).startsWith("/api/")) {
                    Http.error(response, callback, 429, "too many requests from your address; try again in " + wait
                            + " seconds");
                } else {
                    String lang = Layout.lang(request);
                    boolean ur = "ur".equals(lang);
                    Http.html(response, callback, 429, Layout.page(request, lang, ur ? "بہت زیادہ درخواستیں" : "Too many requests",
                            "<h1 id=\"too-many\">" + (ur ? "بہت زیادہ درخواستیں" : "Too many requests") + "</h1><p>"
                            + (ur ? "آپ کے پتے سے بہت سی درخواستیں آئیں۔ " + wait + " سیکنڈ بعد دوبارہ کوشش کریں۔"
                                    : "Too many forms were sent from your address. Please try again in " + wait + " seconds.")
                            + "</p>"));
                }
                return true;
            }
        }
        return super.handle(request, response, callback);
    }

    /** Logging in has its own, stricter throttle per name and address. */
    private static boolean login(Request request) {
        String path = Request.getPathInContext(request);
        return path.equals("/login") || path.equals("/api/v1/login");
    }

    private static boolean staff(Request request) {
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        String session = Exchange.cookie(request, Gate.COOKIE);
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) || session != null && !session.isEmpty();
    }

    /** @return 0 when a token was taken, else the seconds until one is there */
    long take(String address) {
        long now = nanos.getAsLong();
        if (buckets.size() > MAX_ADDRESSES) {
            forgetIdle(now);
        }
        Bucket b = buckets.computeIfAbsent(address, a -> new Bucket(perMinute, now));
        synchronized (b) {
            b.tokens = Math.min(perMinute, b.tokens + (now - b.at) / 60e9 * perMinute);
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
                if (b.tokens + (now - b.at) / 60e9 * perMinute >= perMinute) {
                    i.remove();
                }
            }
        }
    }
}
