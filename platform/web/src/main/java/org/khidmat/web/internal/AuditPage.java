package org.khidmat.web.internal;

import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.khidmat.api.platform.AuditCheck;
import org.khidmat.api.platform.AuditEntry;
import org.khidmat.api.platform.AuditLog;

/** {@code /admin/audit}: the audit log, newest first, searchable; {@code ?verify=1} checks its hash chain. */
final class AuditPage {
    private final AuditLog audit;
    private final ConsoleLayout layout;

    AuditPage(AuditLog audit, ConsoleLayout layout) {
        this.audit = audit;
        this.layout = layout;
    }

    String render(Request request, Gate.Caller caller) {
        Map<String, String> q = Exchange.query(request);
        String text = q.getOrDefault("q", "").strip();
        StringBuilder b = new StringBuilder("<h1>Audit log</h1>");
        if ("1".equals(q.get("verify"))) {
            AuditCheck c = audit.verify();
            b.append("<div id=\"verify-result\" role=\"status\" class=\"flash").append(c.intact() ? "" : " bad").append("\"><p>")
                    .append(c.intact() ? "The hash chain is intact." : "The hash chain is BROKEN at entry " + c.firstBroken() + ".")
                    .append("</p><p>").append(Http.escape(c.message())).append("</p></div>");
        }
        b.append("<form method=\"get\" action=\"/admin/audit\"><input type=\"hidden\" name=\"verify\" value=\"1\">")
                .append("<button type=\"submit\" id=\"verify\">Verify the hash chain</button></form>")
                .append("<form method=\"get\" action=\"/admin/audit\" role=\"search\"><label for=\"q\">Search</label>")
                .append("<span class=\"hint\">words in who, what, subject or detail</span><input type=\"search\" id=\"q\" name=\"q\" value=\"")
                .append(Http.escape(text)).append("\"><button type=\"submit\" id=\"search\">Search</button></form>");
        b.append(table(audit.search(text.isEmpty() ? null : text, 300), "audit"));
        return layout.page(caller, "Audit log", b.toString());
    }

    static String table(List<AuditEntry> entries, String id) {
        StringBuilder b = new StringBuilder("<table id=\"").append(id).append("\"><caption>").append(entries.size())
                .append(" entries, newest first</caption><thead><tr><th scope=\"col\">#</th><th scope=\"col\">When</th>")
                .append("<th scope=\"col\">Who</th><th scope=\"col\">What</th><th scope=\"col\">Subject</th>")
                .append("<th scope=\"col\">Detail</th></tr></thead><tbody>");
        for (AuditEntry e : entries) {
            b.append("<tr><th scope=\"row\">").append(e.seq()).append("</th><td>").append(BundleForms.WHEN.format(e.at()))
                    .append("</td><td>").append(Http.escape(e.actor())).append("</td><td>").append(Http.escape(e.action()))
                    .append("</td><td>").append(Http.escape(e.subject())).append("</td><td>").append(Http.escape(e.detail()))
                    .append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }
}
