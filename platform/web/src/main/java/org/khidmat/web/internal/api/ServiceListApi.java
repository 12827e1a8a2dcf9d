package org.khidmat.web.internal.api;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.JsonOut;
import org.khidmat.web.internal.http.Prepared;
import org.khidmat.web.internal.http.PreparedCache;
import org.khidmat.web.internal.page.ServiceJson;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;

/**
 * {@code GET /api/v1/services}: the whole list, or the part chosen by {@code agency}, {@code category},
 * {@code changedSince} (an ISO-8601 instant: deployed or enablement changed since), and pages of {@code limit}
 * services {@code after} a service id, with a {@code Link: <...>; rel="next"} header while more follow. Each answer
 * is prepared once per catalogue stamp ({@link PreparedCache}) with an ETag, 304 and gzip.
 */
final class ServiceListApi {
    static final String PATH = "/api/v1/services";
    static final int MAX_LIMIT = 1000;
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,79}");
    private static final Pattern SERVICE_ID = Pattern.compile("[a-z][a-z0-9]{1,15}\\.[a-z0-9][a-z0-9-]{0,62}");
    private final Catalogue catalogue;
    private final PreparedCache cache = new PreparedCache();

    /** The parameters, checked. */
    record Query(String agency, String category, Instant changedSince, int limit, String after) {
        String variant() {
            return agency + '|' + category + '|' + changedSince + '|' + limit + '|' + after;
        }
    }

    ServiceListApi(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    void handle(Request request, Response response, Callback callback) {
        Query q;
        try {
            q = parse(Exchange.query(request));
        } catch (IllegalArgumentException e) {
            Http.error(response, callback, 400, e.getMessage());
            return;
        }
        long stamp = catalogue.version();
        cache.get(stamp, q.variant(), () -> prepare(q)).send(request, response, callback);
    }

    static Query parse(Map<String, String> p) {
        String agency = p.getOrDefault("agency", "");
        String category = p.getOrDefault("category", "");
        if (!agency.isEmpty() && !CODE.matcher(agency).matches() || !category.isEmpty() && !CODE.matcher(category).matches()) {
            throw new IllegalArgumentException("agency and category are codes of lowercase letters, digits, '.' and '-' (like nadra, identity)");
        }
        Instant since = null;
        String s = p.getOrDefault("changedSince", "");
        if (!s.isEmpty()) {
            try {
                since = Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("changedSince '" + s + "' is not an ISO-8601 instant like 2026-12-01T00:00:00Z");
            }
        }
        int limit = 0;
        String l = p.getOrDefault("limit", "");
        if (!l.isEmpty()) {
            if (!l.matches("[0-9]{1,4}") || Integer.parseInt(l) < 1 || Integer.parseInt(l) > MAX_LIMIT) {
                throw new IllegalArgumentException("limit '" + l + "' must be a whole number from 1 to " + MAX_LIMIT);
            }
            limit = Integer.parseInt(l);
        }
        String after = p.getOrDefault("after", "");
        if (!after.isEmpty() && !SERVICE_ID.matcher(after).matches()) {
            throw new IllegalArgumentException("after '" + after + "' is not a service id (like nadra.cnic-renewal)");
        }
        return new Query(agency, category, since, limit, after);
    }

    private Prepared prepare(Query q) {
        List<CatalogueEntry> chosen = new ArrayList<>();
        boolean more = false;
        for (CatalogueEntry e : catalogue.services()) {
            if (!q.agency().isEmpty() && !e.descriptor().agency().code().equals(q.agency())
                    || !q.category().isEmpty() && !e.descriptor().category().equals(q.category())
                    // the list is sorted by agency code then id, and an id starts with its agency code and a dot:
                    // so ids compare in the list's order
                    || !q.after().isEmpty() && e.id().compareTo(q.after()) <= 0
                    || q.changedSince() != null && !catalogue.changedAt(e.id()).map(t -> !t.isBefore(q.changedSince())).orElse(false)) {
                continue;
            }
            if (q.limit() > 0 && chosen.size() == q.limit()) {
                more = true;
                break;
            }
            chosen.add(e);
        }
        String link = more ? "<" + next(q, chosen.get(chosen.size() - 1).id()) + ">; rel=\"next\"" : null;
        return Prepared.of(JsonOut.bytes(ServiceJson.list(chosen)), Prepared.JSON, "public, no-cache", "Accept-Encoding", link);
    }

    private static String next(Query q, String lastId) {
        StringBuilder b = new StringBuilder(PATH).append("?");
        if (!q.agency().isEmpty()) {
            b.append("agency=").append(q.agency()).append('&');
        }
        if (!q.category().isEmpty()) {
            b.append("category=").append(q.category()).append('&');
        }
        if (q.changedSince() != null) {
            b.append("changedSince=").append(URLEncoder.encode(q.changedSince().toString(), StandardCharsets.UTF_8)).append('&');
        }
        return b.append("limit=").append(q.limit()).append("&after=").append(lastId).toString();
    }
}
