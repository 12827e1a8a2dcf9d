package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.page.Languages;
import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.http.Downloads;
import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.RouteTable;
import org.khidmat.web.internal.page.Site;
import org.khidmat.web.internal.page.Period;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.DailyCollection;
import org.khidmat.api.platform.Payments;

/**
 * Money collected per agency and day, to reconcile with the agencies' accounts: {@code /agency/collections} for
 * agency staff (their own agency only) and {@code /admin/collections} for admins (every agency), each with
 * {@code .csv} beside it; the period comes from {@code from} and {@code to} (default the last 30 days). Routes of
 * the admin and agency consoles' tables ({@link #routes}), behind their logins.
 */
public final class CollectionsPages {
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
    private final Payments payments;
    private final ConsoleLayout layout;

    public CollectionsPages(Payments payments, ConsoleLayout layout) {
        this.payments = payments;
        this.layout = layout;
    }

    /** @return the table with {@code <console>/collections} and its {@code .csv} ({@code /admin}: every agency) */
    ConsoleRoutes routes(ConsoleRoutes table, String console) {
        boolean admin = console.equals("/admin");
        String base = console + "/collections";
        return table.route(base, RouteTable.GET, (rq, rs, cb, caller, at) -> send(rq, rs, cb, caller, admin, base, false))
                .route(base + ".csv", RouteTable.GET, (rq, rs, cb, caller, at) -> send(rq, rs, cb, caller, admin, base, true));
    }

    private void send(Request request, Response response, Callback callback, Gate.Caller caller, boolean admin, String base,
            boolean csv) {
        Map<String, String> q = Exchange.query(request);
        Period.Parsed parsed = Period.parse(q.get("from"), q.get("to"), LocalDate.now(Site.of(request).time().zone()));
        if (parsed.problem() != null) {
            if (csv) {
                Downloads.text(response, callback, 400, Period.forClients(parsed.problem()));
            } else {
                String lang = Languages.of(request);
                ConsoleLayout.send(response, callback, 400, "collections.jte", layout.frame(request, caller, "collections.titleError"),
                        new View(base, admin, "ur".equals(lang) ? parsed.problem().ur() : parsed.problem().en(),
                                q.getOrDefault("from", ""), q.getOrDefault("to", ""), List.of(), ""));
            }
            return;
        }
        Period p = parsed.period();
        String agency = admin ? null : caller.account().agency();
        // a centre admin reconciles the takings of this centre; an agency collects in every centre
        List<DailyCollection> rows = payments.reconciliation(admin ? Site.of(request).time().centreId() : null, p.from(), p.to()).stream()
                .filter(c -> agency == null || agency.equals(c.agency())).toList();
        if (csv) {
            Downloads.attachment(response, callback, "text/csv; charset=utf-8", "collections-" + (agency == null ? "all"
                    : agency.replaceAll("[^a-z0-9]", "")) + "-" + p.from() + "-to-" + p.to() + ".csv",
                    csv(rows).getBytes(StandardCharsets.UTF_8));
        } else {
            ConsoleLayout.send(response, callback, 200, "collections.jte", agency == null
                    ? layout.frame(request, caller, "collections.titleAll") : layout.frame(request, caller, "collections.title", agency),
                    new View(base, admin, null, Period.shown(p.from()), Period.shown(p.to()), rows, p.query()));
        }
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
