package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.ServiceAway;
import org.khidmat.web.internal.http.Standby;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.khidmat.api.platform.StoreException;
import org.khidmat.api.store.DraftStore;
import org.khidmat.api.store.StoredDraft;

/**
 * Answers kept between the pages of a form, keyed by an unguessable cookie (HttpOnly, SameSite=Lax), so that no
 * answer, and never a CNIC, travels in a URL. The drafts are in the database ({@link DraftStore}), sealed under the
 * cookie's id, so any node behind a balancer continues a form another began, and a node's restart loses none. Only
 * answers the form's rules accepted are kept ({@link ApplyPages} checks a page before {@link #keep}), and at most
 * {@link #DRAFT_CHARS} characters a draft; the store keeps the other limits (two idle hours, {@link #PER_ADDRESS}
 * drafts an address, evicting only the address's own, and a total for the whole database). A page reads its draft once
 * and writes it at most once (a page that only reads touches it at most once a minute). A write the database refuses
 * is a 503 page asking to send the page again, never an answer dropped in silence.
 */
public final class Drafts {
    static final String COOKIE = "khidmat_draft";
    static final int PER_ADDRESS = DraftStore.PER_ADDRESS;
    static final int DRAFT_CHARS = DraftStore.DRAFT_CHARS;
    /** A page that only reads a draft writes that it was used at most this often. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    /** How long filing may hold a draft against a second filing (a double click sent to another node). */
    static final Duration FILING = Duration.ofSeconds(30);
    private static final Standby.Away NOT_SAVED = new Standby.Away(
            "Your answers could not be saved just now. Please send the page again in a minute.",
            "آپ کے جوابات اس وقت محفوظ نہیں ہو سکے۔ براہ کرم ایک منٹ بعد صفحہ دوبارہ بھیجیں۔");
    private static final Standby.Away NOT_READ = new Standby.Away(
            "Your form cannot be opened just now. Please try again in a minute.",
            "آپ کا فارم اس وقت نہیں کھل سکا۔ براہ کرم ایک منٹ بعد دوبارہ کوشش کریں۔");
    private final SecureRandom random = new SecureRandom();
    private final DraftStore store;
    private final Clock clock;

    /** One citizen's form in progress, as read by one request; the page changes it, then {@link #save}s it. */
    static final class Draft {
        final String key;
        final String serviceId;
        String tier;
        final Map<String, String> answers = new LinkedHashMap<>();
        String reference;
        /** The queue token an operator fills this form for at a counter, or 0 for a citizen's own form. */
        long tokenId;
        /** That token's number, shown on the confirmation. */
        String tokenNumber;
        /** The operator, for the audit log of the tie between token and application. */
        String operator;

        Draft(String key, StoredDraft d) {
            this.key = key;
            this.serviceId = d.serviceId();
            this.tier = d.tier();
            this.answers.putAll(d.answers());
            this.reference = d.reference();
            this.tokenId = d.tokenId();
            this.tokenNumber = d.tokenNumber();
            this.operator = d.operator();
        }

        StoredDraft stored() {
            return StoredDraft.of(serviceId).withTier(tier).withAnswers(answers).withReference(reference)
                    .withToken(tokenId, tokenNumber, operator);
        }
    }

    /** @param store the drafts of every node (a stand-in answering 503 while it is away) */
    public Drafts(DraftStore store) {
        this(store, Clock.systemUTC());
    }

    Drafts(DraftStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Starts a fresh draft for a service and sets its cookie. */
    Draft start(Request request, Response response, String serviceId) {
        return start(request, response, StoredDraft.of(serviceId));
    }

    /** Starts a draft an operator fills at a counter for a called token (one write: the tie is in the draft). */
    Draft start(Request request, Response response, String serviceId, long tokenId, String tokenNumber, String operator) {
        return start(request, response, StoredDraft.of(serviceId).withToken(tokenId, tokenNumber, operator));
    }

    private Draft start(Request request, Response response, StoredDraft d) {
        Opened o = open(Request.getRemoteAddr(request), d);
        Exchange.setCookie(response, COOKIE, o.key(), (int) DraftStore.IDLE.toSeconds());
        return o.draft();
    }

    /** A new draft and the key its cookie carries. */
    record Opened(String key, Draft draft) {
    }

    /** @return a new draft of a service for a client address, room made for it */
    Opened open(String address, String serviceId) {
        return open(address, StoredDraft.of(serviceId));
    }

    private Opened open(String address, StoredDraft d) {
        byte[] token = new byte[32];
        random.nextBytes(token);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        try {
            store.open(key, address, d, clock.instant());
        } catch (StoreException e) {
            throw new ServiceAway(NOT_SAVED);
        }
        return new Opened(key, new Draft(key, d));
    }

    /** @return the draft under a key, or {@code null} (none, or idle too long) */
    Draft get(String key) {
        return read(key).map(d -> new Draft(key, d)).orElse(null);
    }

    /** @return the caller's draft for that service, or {@code null} when there is none (or it expired) */
    Draft find(Request request, String serviceId) {
        String key = Exchange.cookie(request, COOKIE);
        if (key == null || key.length() < 16 || key.length() > 64) {
            return null;
        }
        Optional<StoredDraft> d = read(key);
        if (d.isEmpty() || !d.get().serviceId().equals(serviceId)) {
            return null;
        }
        Instant now = clock.instant();
        if (!Exchange.isPost(request) && d.get().touched() != null && d.get().touched().plus(TOUCH_EVERY).isBefore(now)) {
            try {
                store.touch(key, now); // a POST saves the draft anyway; a page only read keeps it alive once a minute
            } catch (StoreException e) {
                // the page still serves: the draft was read, and its next save writes the time
            }
        }
        return new Draft(key, d.get());
    }

    private Optional<StoredDraft> read(String key) {
        try {
            return store.find(key, clock.instant());
        } catch (StoreException e) {
            throw new ServiceAway(NOT_READ);
        }
    }

    /** @return whether these answers fit in one draft */
    static boolean fits(Map<String, String> answers) {
        return StoredDraft.of("").withAnswers(answers).chars() <= DRAFT_CHARS;
    }

    /**
     * Keeps answers the form's rules accepted (and that {@link #fits}) as the draft's.
     *
     * @return whether the draft was still there (not expired or given way meanwhile)
     * @throws ServiceAway when the database refuses the write: a 503 page, the answers not taken as kept
     */
    boolean keep(Draft d, Map<String, String> answers) {
        if (!fits(answers)) {
            throw new IllegalArgumentException("the answers are larger than a draft holds");
        }
        Map<String, String> before = new LinkedHashMap<>(d.answers);
        d.answers.clear();
        d.answers.putAll(answers);
        try {
            return save(d);
        } catch (ServiceAway e) {
            d.answers.clear();
            d.answers.putAll(before);
            throw e;
        }
    }

    /**
     * Writes the draft as the page changed it, and ends a claim for filing.
     *
     * @return whether the draft was still there
     * @throws ServiceAway when the database refuses the write
     */
    boolean save(Draft d) {
        try {
            return store.save(d.key, d.stored(), clock.instant());
        } catch (StoreException e) {
            throw new ServiceAway(NOT_SAVED);
        }
    }

    /**
     * Claims the draft for filing, so a second request filing it at once (on this node or another) does not.
     *
     * @return whether this request may file it
     * @throws ServiceAway when the database refuses the write
     */
    boolean claim(Draft d) {
        Instant now = clock.instant();
        try {
            return store.claim(d.key, now, now.plus(FILING));
        } catch (StoreException e) {
            throw new ServiceAway(NOT_SAVED);
        }
    }

    /** @return how many drafts the database keeps */
    int size() {
        return store.count();
    }
}
