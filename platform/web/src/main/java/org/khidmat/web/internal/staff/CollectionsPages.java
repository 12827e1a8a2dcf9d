package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.page.Languages;
import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.http.Downloads;
import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.page.Site;
import org.khidmat.web.internal.page.Period;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.DailyCollection;
import org.khidmat.api.platform.Payments;
import org.khidmat.api.platform.Role;

/**
 * Money collected per agency and day, to reconcile with the agencies' accounts: {@code /agency/collections} for
 * agency staff (their own agency only) and {@code /admin/collections} for admins (every agency), each with
 * {@code .csv} beside it; the period comes from {@code from} and {@code to} (default the last 30 days).
 */
public final class CollectionsPages extends Handler.Abstract {
    /** What {@code collections.jte} shows: the period asked for, what is wrong with it, or its days. */
    record View(String base, boolean admin, String problem, String from, String to, List<DailyCollection> rows, String query) {
        long count() {
            return rows.stream().mapToLong(DailyCollection::payments).sum();
        }

        long sum() {
            return rows.stream().mapToLong(DailyCollection::amount).sum();
        }
    }

    static final String CSV_HEADER = "agency,day,payments,amount_pkr";
    private final Gate gate;
    private final Payments payments;
    private final ConsoleLayout layout;

    public CollectionsPages(Gate gate, Payments payments, ConsoleLayout layout) {
        this.gate = gate;
        this.payments = payments;
        this.layout = layout;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        boolean admin = path.startsWith("/admin/");
        String base = admin ? "/admin/collections" : "/agency/collections";
        if (!path.equals(base) && !path.equals(base + ".csv")
                || !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        Optional<Gate.Caller> found = ConsoleGate.page(gate, request, response, callback, admin ? Role.ADMIN : Role.AGENCY);
        if (found.isEmpty()) {
            return true;
        }
        Gate.Caller caller = found.get();
        Map<String, String> q = Exchange.query(request);
        Period.Parsed parsed = Period.parse(q.get("from"), q.get("to"), LocalDate.now(Site.of(request).time().zone()));
        if (parsed.problem() != null) {
            if (path.endsWith(".csv")) {
                Downloads.text(response, callback, 400, parsed.problem().en());
            } else {
                String lang = Languages.of(request);
                ConsoleLayout.send(response, callback, 400, "collections.jte", layout.frame(request, caller, "collections.titleError"),
                        new View(base, admin, "ur".equals(lang) ? parsed.problem().ur() : parsed.problem().en(),
                                q.getOrDefault("from", ""), q.getOrDefault("to", ""), List.of(), ""));
            }
            return true;
        }
        Period p = parsed.period();
        String agency = admin ? null : caller.account().agency();
        // a centre admin reconciles the takings of this centre; an agency collects in every centre
        List<DailyCollection> rows = payments.reconciliation(admin ? Site.of(request).time().centreId() : null, p.from(), p.to()).stream()
                .filter(c -> agency == null || agency.equals(c.agency())).toList();
        if (path.endsWith(".csv")) {
            Downloads.attachment(response, callback, "text/csv; charset=utf-8", "collections-" + (agency == null ? "all"
                    : agency.replaceAll("[^a-z0-9]", "")) + "-" + p.from() + "-to-" + p.to() + ".csv",
                    csv(rows).getBytes(StandardCharsets.UTF_8));
        } else {
            ConsoleLayout.send(response, callback, 200, "collections.jte", agency == null
                    ? layout.frame(request, caller, "collections.titleAll") : layout.frame(request, caller, "collections.title", agency),
                    new View(base, admin, null, p.from().toString(), p.to().toString(), rows, p.query()));
        }
        return true;
    }

    /** @return the rows as CSV (RFC 4180, CRLF line ends), agency codes and days needing no quotes */
    public static String csv(List<DailyCollection> rows) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (DailyCollection c : rows) {
            out.append(c.agency()).append(',').append(c.day()).append(',').append(c.payments()).append(',').append(c.amount())
                    .append("\r\n");
        }
        return out.toString();
    }
}
