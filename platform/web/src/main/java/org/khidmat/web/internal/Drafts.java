package org.khidmat.web.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * Answers kept on the server between the pages of a form, keyed by an unguessable cookie (HttpOnly,
 * SameSite=Lax), so that no answer, and never a CNIC, travels in a URL. Drafts expire after two idle hours;
 * the number kept is bounded.
 */
final class Drafts {
    static final String COOKIE = "khidmat_draft";
    private static final Duration IDLE = Duration.ofHours(2);
    private static final int MOST = 20_000;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Draft> drafts = new ConcurrentHashMap<>();

    /** One citizen's form in progress; guarded by its own lock. */
    static final class Draft {
        final String serviceId;
        String tier;
        final Map<String, String> answers = new LinkedHashMap<>();
        String reference;
        long touched = System.nanoTime();
        /** The queue token an operator fills this form for at a counter, or 0 for a citizen's own form. */
        long tokenId;
        /** That token's number, shown on the confirmation. */
        String tokenNumber;
        /** The operator, for the audit log of the tie between token and application. */
        String operator;

        Draft(String serviceId) {
            this.serviceId = serviceId;
        }
    }

    /** Starts a fresh draft for a service and sets its cookie. */
    Draft start(Response response, String serviceId) {
        sweep();
        byte[] token = new byte[32];
        random.nextBytes(token);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        Draft d = new Draft(serviceId);
        drafts.put(key, d);
        Exchange.setCookie(response, COOKIE, key, (int) IDLE.toSeconds());
        return d;
    }

    /** @return the caller's draft for that service, or {@code null} when there is none (or it expired) */
    Draft find(Request request, String serviceId) {
        String key = Exchange.cookie(request, COOKIE);
        Draft d = key == null ? null : drafts.get(key);
        if (d == null || !d.serviceId.equals(serviceId)) {
            return null;
        }
        if (System.nanoTime() - d.touched > IDLE.toNanos()) {
            drafts.remove(key);
            return null;
        }
        d.touched = System.nanoTime();
        return d;
    }

    private void sweep() {
        long now = System.nanoTime();
        drafts.values().removeIf(d -> now - d.touched > IDLE.toNanos());
        if (drafts.size() >= MOST) {
            drafts.entrySet().stream().min((a, b) -> Long.compare(a.getValue().touched, b.getValue().touched))
                    .ifPresent(e -> drafts.remove(e.getKey()));
        }
    }
}
