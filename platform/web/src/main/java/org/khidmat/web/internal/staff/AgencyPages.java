package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.RouteTable;

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
    private final CollectionsPages collections;
    private final ConsoleRoutes routes;

    public AgencyPages(Gate gate, InboxPages inbox, BundleForms bundles, ConsoleLayout layout, AuditLog audit,
            CollectionsPages collections) {
        this.collections = collections;
        this.gate = gate;
        this.inbox = inbox;
        this.bundles = bundles;
        this.layout = layout;
        this.audit = audit;
        this.routes = routes();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!path.equals("/agency") && !path.startsWith("/agency/")) {
            return false;
        }
        // the agency's own pages (bundles, collections) are for agency staff; the inbox for every role
        boolean bundlePage = path.equals("/agency") || path.startsWith("/agency/bundles") || path.startsWith("/agency/collections");
        var found = bundlePage ? ConsoleGate.page(gate, request, response, callback, Role.AGENCY) : ConsoleGate.page(gate, request, response, callback);
        if (found.isEmpty()) {
            return true;
        }
        Gate.Caller caller = found.get();
        try {
            if (!routes.handle(request, response, callback, caller)) {
                layout.error(request, response, callback, caller, 404, "error.nothingAt", path);
            }
        } catch (Exchange.TooLarge e) {
            layout.error(request, response, callback, caller, 413, "error.sentence", e.getMessage());
        }
        return true;
    }

    private ConsoleRoutes routes() {
        ConsoleRoutes.Action home = (rq, rs, cb, caller, at) -> {
            String agency = caller.account().agency();
            ConsoleLayout.send(rs, cb, 200, "agency.jte", layout.frame(rq, caller, "agency.title", agency),
                    new View(bundles.visible(caller), AgencyHistory.of(audit, gate, agency)));
        };
        return inbox.routes(collections.routes(new ConsoleRoutes(), "/agency"))
                .route("/agency", RouteTable.GET, home)
                .route("/agency/", RouteTable.GET, home)
                .route("/agency/bundles", ConsoleRoutes.POST, (rq, rs, cb, caller, at) -> bundles.post(rq, rs, cb, caller,
                        "bundles", "/agency"))
                .route("/agency/bundles/{name}/withdraw", RouteTable.GET_POST, (rq, rs, cb, caller, at) -> {
                    if (Exchange.isPost(rq)) {
                        bundles.post(rq, rs, cb, caller, "bundles/" + at.get("name") + "/withdraw", "/agency");
                    } else if (!bundles.confirmWithdraw(rq, rs, cb, caller, at.get("name"), "/agency")) {
                        layout.error(rq, rs, cb, caller, 404, "error.nothingAt", Request.getPathInContext(rq));
                    }
                })
                .route("/agency/bundles/{name}/rollback", ConsoleRoutes.POST, (rq, rs, cb, caller, at) -> bundles.post(rq,
                        rs, cb, caller, "bundles/" + at.get("name") + "/rollback", "/agency"));
    }
}
