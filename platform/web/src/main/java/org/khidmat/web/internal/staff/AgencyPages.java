package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Gate;

import java.io.IOException;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.store.AuditEntry;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.platform.DeployedBundle;
import org.khidmat.api.platform.Role;

/**
 * The agency console behind login: {@code /agency} ({@code agency.jte}; agency staff: their agency's bundles, upload
 * and update, roll back, withdraw after a confirmation, and the deploy history), and the workflow inbox and its
 * applications ({@link InboxPages}).
 */
public final class AgencyPages extends Handler.Abstract {
    /** What {@code agency.jte} shows. */
    record View(List<DeployedBundle> bundles, List<AuditEntry> history) {
    }

    private final Gate gate;
    private final BundleForms bundles;
    private final ConsoleLayout layout;
    private final AuditLog audit;
    private final InboxPages inbox;

    public AgencyPages(Gate gate, InboxPages inbox, BundleForms bundles, ConsoleLayout layout, AuditLog audit) {
        this.gate = gate;
        this.inbox = inbox;
        this.bundles = bundles;
        this.layout = layout;
        this.audit = audit;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String path = Request.getPathInContext(request);
        if (!path.equals("/agency") && !path.startsWith("/agency/")) {
            return false;
        }
        boolean post = Exchange.isPost(request);
        boolean bundlePage = path.equals("/agency") || path.startsWith("/agency/bundles");
        var found = bundlePage ? ConsoleGate.page(gate, request, response, callback, Role.AGENCY) : ConsoleGate.page(gate, request, response, callback);
        if (found.isEmpty()) {
            return true;
        }
        Gate.Caller caller = found.get();
        String rest = path.equals("/agency") ? "" : path.substring("/agency/".length());
        try {
            if (rest.isEmpty() && !post) {
                String agency = caller.account().agency();
                ConsoleLayout.send(response, callback, 200, "agency.jte", layout.frame(request, caller, "agency.title", agency),
                        new View(bundles.visible(caller), AgencyHistory.of(audit, gate, agency)));
            } else if (!post && rest.startsWith("bundles/") && rest.endsWith("/withdraw")
                    && bundles.confirmWithdraw(request, response, callback, caller, Exchange.between(rest, "bundles/", "/withdraw"),
                            "/agency")) {
                return true;
            } else if (post && (rest.equals("bundles") || rest.startsWith("bundles/") && (rest.endsWith("/rollback")
                    || rest.endsWith("/withdraw")))) {
                bundles.post(request, response, callback, caller, rest, "/agency");
            } else if (rest.equals("inbox") && !post) {
                inbox.inbox(request, response, callback, caller);
            } else if (rest.startsWith("applications/")) {
                inbox.application(request, response, callback, caller, rest.substring("applications/".length()), post);
            } else {
                layout.error(request, response, callback, caller, 404, "error.nothingAt", path);
            }
        } catch (Exchange.TooLarge e) {
            layout.error(request, response, callback, caller, 413, "error.sentence", e.getMessage());
        }
        return true;
    }
}
