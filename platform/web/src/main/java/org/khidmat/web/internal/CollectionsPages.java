package org.khidmat.web.internal;

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
final class CollectionsPages extends Handler.Abstract {
    static final String CSV_HEADER = "agency,day,payments,amount_pkr";
    private final Gate gate;
    private final Payments payments;
    private final ConsoleLayout layout;

    CollectionsPages(Gate gate, Payments payments, ConsoleLayout layout) {
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
        Optional<Gate.Caller> found = gate.page(request, response, callback, admin ? Role.ADMIN : Role.AGENCY);
        if (found.isEmpty()) {
            return true;
        }
        Gate.Caller caller = found.get();
        Map<String, String> q = Exchange.query(request);
        Period.Parsed parsed = Period.parse(q.get("from"), q.get("to"), LocalDate.now(CentreTime.zone()));
        if (parsed.problem() != null) {
            if (path.endsWith(".csv")) {
                Downloads.text(response, callback, 400, parsed.problem().en());
            } else {
                Http.html(response, callback, 400, layout.page(caller, "Collections", "<h1>Collections</h1><p id=\"period-error\" "
                        + "class=\"message\">" + Http.escape(parsed.problem().en()) + "</p>" + form(base, q.get("from"), q.get("to"))));
            }
            return true;
        }
        Period p = parsed.period();
        String agency = admin ? null : caller.account().agency();
        List<DailyCollection> rows = payments.reconciliation(p.from(), p.to()).stream()
                .filter(c -> agency == null || agency.equals(c.agency())).toList();
        if (path.endsWith(".csv")) {
            Downloads.attachment(response, callback, "text/csv; charset=utf-8", "collections-" + (agency == null ? "all"
                    : agency.replaceAll("[^a-z0-9]", "")) + "-" + p.from() + "-to-" + p.to() + ".csv",
                    csv(rows).getBytes(StandardCharsets.UTF_8));
        } else {
            String who = agency == null ? "every agency" : "agency " + Http.escape(agency);
            Http.html(response, callback, 200, layout.page(caller, "Collections", "<h1>Collections of " + who + "</h1>"
                    + "<p>Payments received per day (Pakistan time), to reconcile with the bank statements.</p>"
                    + form(base, p.from().toString(), p.to().toString()) + table(rows, admin, p)
                    + "<p><a id=\"collections-csv\" href=\"" + base + ".csv?" + p.query() + "\">Download as CSV</a></p>"));
        }
        return true;
    }

    private static String form(String base, String from, String to) {
        return "<form method=\"get\" action=\"" + base + "\"><label for=\"from\">From</label><span class=\"hint\">yyyy-mm-dd</span>"
                + "<input type=\"text\" id=\"from\" name=\"from\" value=\"" + Http.escape(from == null ? "" : from) + "\">"
                + "<label for=\"to\">To</label><span class=\"hint\">yyyy-mm-dd</span><input type=\"text\" id=\"to\" name=\"to\" "
                + "value=\"" + Http.escape(to == null ? "" : to) + "\"><button type=\"submit\" id=\"show\">Show</button></form>";
    }

    private static String table(List<DailyCollection> rows, boolean admin, Period p) {
        StringBuilder b = new StringBuilder("<table id=\"collections\"><caption>").append(p.from()).append(" to ").append(p.to())
                .append("</caption><thead><tr><th scope=\"col\">Day</th>").append(admin ? "<th scope=\"col\">Agency</th>" : "")
                .append("<th scope=\"col\">Payments</th><th scope=\"col\">Amount (PKR)</th></tr></thead><tbody>");
        long count = 0;
        long sum = 0;
        for (DailyCollection c : rows) {
            b.append("<tr id=\"collection-").append(Http.escape(c.agency())).append('-').append(c.day()).append("\"><th scope=\"row\">")
                    .append(c.day()).append("</th>").append(admin ? "<td class=\"agency\">" + Http.escape(c.agency()) + "</td>" : "")
                    .append("<td class=\"payments\">").append(c.payments()).append("</td><td class=\"amount\">").append(c.amount())
                    .append("</td></tr>");
            count += c.payments();
            sum += c.amount();
        }
        return b.append("</tbody><tfoot><tr id=\"collections-total\"><th scope=\"row\">Total</th>").append(admin ? "<td></td>" : "")
                .append("<td class=\"payments\">").append(count).append("</td><td class=\"amount\">").append(sum)
                .append("</td></tr></tfoot></table>").toString();
    }

    /** @return the rows as CSV (RFC 4180, CRLF line ends), agency codes and days needing no quotes */
    static String csv(List<DailyCollection> rows) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (DailyCollection c : rows) {
            out.append(c.agency()).append(',').append(c.day()).append(',').append(c.payments()).append(',').append(c.amount())
                    .append("\r\n");
        }
        return out.toString();
    }
}
