package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.http.Exchange;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * Answers kept on the server between the pages of a form, keyed by an unguessable cookie (HttpOnly,
 * SameSite=Lax), so that no answer, and never a CNIC, travels in a URL. Only answers the form's rules accepted are
 * kept ({@link ApplyPages} checks a page before {@link #keep}), and at most {@link #DRAFT_CHARS} characters a draft.
 * Drafts expire after two idle hours. One client address holds at most {@link #PER_ADDRESS} drafts: a new one
 * beyond that replaces the address's own oldest, never another address's. Only when the whole centre holds
 * {@link #MOST} drafts or {@link #BUDGET_CHARS} characters (which takes thousands of addresses) does the oldest draft
 * of the address holding the most give way.
 */
public final class Drafts {
    static final String COOKIE = "khidmat_draft";
    static final int PER_ADDRESS = 20;
    static final int MOST = 20_000;
    /** Characters of answers one draft may hold: a long form's worth, far below the body limit. */
    static final int DRAFT_CHARS = 32 * 1024;
    /** Characters of answers all drafts together may hold (about 128 MB of heap at two bytes a character, at worst). */
    static final long BUDGET_CHARS = 64L * 1024 * 1024;
    private static final Duration IDLE = Duration.ofHours(2);
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Draft> drafts = new ConcurrentHashMap<>();
    private final LongSupplier nanos;
    private long chars;

    /** One citizen's form in progress; guarded by its own lock. */
    static final class Draft {
        final String serviceId;
        final String address;
        String tier;
        final Map<String, String> answers = new LinkedHashMap<>();
        int chars;
        String reference;
        long touched;
        /** The queue token an operator fills this form for at a counter, or 0 for a citizen's own form. */
        long tokenId;
        /** That token's number, shown on the confirmation. */
        String tokenNumber;
        /** The operator, for the audit log of the tie between token and application. */
        String operator;

        Draft(String serviceId, String address, long now) {
            this.serviceId = serviceId;
            this.address = address;
            this.touched = now;
        }
    }

    public Drafts() {
        this(System::nanoTime);
    }

    Drafts(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** Starts a fresh draft for a service and sets its cookie. */
    Draft start(Request request, Response response, String serviceId) {
        Opened o = open(Request.getRemoteAddr(request), serviceId);
        Exchange.setCookie(response, COOKIE, o.key(), (int) IDLE.toSeconds());
        return o.draft();
    }

    /** A new draft and the key its cookie carries. */
    record Opened(String key, Draft draft) {
    }

    /** @return a new draft for a client address, room made for it */
    Opened open(String address, String serviceId) {
        byte[] token = new byte[32];
        random.nextBytes(token);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        Draft d = new Draft(serviceId, address, nanos.getAsLong());
        synchronized (this) {
            sweep(address);
            drafts.put(key, d);
        }
        return new Opened(key, d);
    }

    /** @return the draft under a key, or {@code null} */
    Draft get(String key) {
        return drafts.get(key);
    }

    /** @return the caller's draft for that service, or {@code null} when there is none (or it expired) */
    Draft find(Request request, String serviceId) {
        String key = Exchange.cookie(request, COOKIE);
        Draft d = key == null ? null : drafts.get(key);
        if (d == null || !d.serviceId.equals(serviceId)) {
            return null;
        }
        long now = nanos.getAsLong();
        if (now - d.touched > IDLE.toNanos()) {
            remove(key);
            return null;
        }
        d.touched = now;
        return d;
    }

    /** @return whether these answers fit in one draft */
    static boolean fits(Map<String, String> answers) {
        return size(answers) <= DRAFT_CHARS;
    }

    /** Keeps answers the form's rules accepted (and that {@link #fits}) as the draft's; call under the draft's lock. */
    void keep(Draft d, Map<String, String> answers) {
        if (!fits(answers)) {
            throw new IllegalArgumentException("the answers are larger than a draft holds");
        }
        int size = size(answers);
        d.answers.clear();
        d.answers.putAll(answers);
        synchronized (this) {
            chars += size - d.chars;
            d.chars = size;
        }
    }

    /** @return how many drafts are kept */
    int size() {
        return drafts.size();
    }

    private static int size(Map<String, String> answers) {
        long n = 0;
        for (Map.Entry<String, String> e : answers.entrySet()) {
            n += e.getKey().length() + e.getValue().length();
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    /** Makes room for a new draft of {@code address}; call under this object's lock. */
    private void sweep(String address) {
        long now = nanos.getAsLong();
        drafts.entrySet().removeIf(e -> {
            boolean old = now - e.getValue().touched > IDLE.toNanos();
            if (old) {
                chars -= e.getValue().chars;
            }
            return old;
        });
        while (drafts.values().stream().filter(d -> d.address.equals(address)).count() >= PER_ADDRESS) {
            oldestOf(address);
        }
        while (drafts.size() >= MOST || chars > BUDGET_CHARS) {
            Map<String, Long> held = new LinkedHashMap<>();
            drafts.values().forEach(d -> held.merge(d.address, 1L, Long::sum));
            oldestOf(held.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        }
    }

    private void oldestOf(String address) {
        drafts.entrySet().stream().filter(e -> e.getValue().address.equals(address))
                .min(Comparator.comparingLong(e -> e.getValue().touched)).map(Map.Entry::getKey).ifPresent(this::remove);
    }

    private void remove(String key) {
        Draft d = drafts.remove(key);
        if (d != null) {
            synchronized (this) {
                chars -= d.chars;
            }
        }
    }
}
