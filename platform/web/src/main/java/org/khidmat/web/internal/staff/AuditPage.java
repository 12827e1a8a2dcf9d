package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Gate;

import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.store.AuditCheck;
import org.khidmat.api.store.AuditEntry;
import org.khidmat.api.store.AuditLog;

/** {@code /admin/audit} ({@code audit.jte}): the audit log, newest first, searchable; {@code ?verify=1} checks its hash chain. */
public final class AuditPage {
    /** What the page shows: the chain check when asked for, the search text and the entries. */
    record View(AuditCheck check, String text, List<AuditEntry> entries) {
    }

    private final AuditLog audit;
    private final ConsoleLayout layout;

    public AuditPage(AuditLog audit, ConsoleLayout layout) {
        this.audit = audit;
        this.layout = layout;
    }

    void send(Request request, Response response, Callback callback, Gate.Caller caller) {
        Map<String, String> q = Exchange.query(request);
        String text = q.getOrDefault("q", "").strip();
        AuditCheck check = "1".equals(q.get("verify")) ? audit.verify() : null;
        ConsoleLayout.send(response, callback, 200, "audit.jte", layout.frame(request, caller, "audit.title"),
                new View(check, text, audit.search(text.isEmpty() ? null : text, 300)));
    }
}
