package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.RouteTable;
import org.khidmat.web.internal.page.DisabledReason;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.DeployedBundle;
import org.khidmat.api.platform.PendingBundle;
import org.khidmat.api.platform.Role;
import org.khidmat.api.store.BundleSet;

/**
 * The centre admin's console, {@code /admin}: every bundle (upload, roll back, withdraw) and every service
 * (enable, disable with a reason citizens see); {@code /admin/accounts}, {@code /admin/audit} and
 * {@code /admin/messages} (the outbox of messages to citizens) are their own pages.
 * Server-rendered HTML with POST-redirect-GET; works without JavaScript.
 */
public final class AdminPages extends Handler.Abstract {
    /** What {@code admin.jte} shows. */
    record View(List<DeployedBundle> bundles, List<PendingBundle> pending, List<CatalogueEntry> services,
            List<NodeOutcomes.Line> nodes) {
    }

    private final Gate gate;
    private final Catalogue catalogue;
    private final BundleForms bundles;
    private final ConsoleLayout layout;
    private final AccountPages accounts;
    private final AuditPage audit;
    private final OutboxPage outbox;
    private final CollectionsPages collections;
    /** The bundle set, when the store keeps one: each bundle's outcome on every node. */
    private final Supplier<BundleSet> bundleSet;
    private final ConsoleRoutes routes;

    public AdminPages(Gate gate, Catalogue catalogue, BundleForms bundles, ConsoleLayout layout, AccountPages accounts,
            AuditPage audit, OutboxPage outbox, CollectionsPages collections, Supplier<BundleSet> bundleSet) {
        this.collections = collections;
        this.outbox = outbox;
        this.bundleSet = bundleSet;
        this.gate = gate;
        this.catalogue = catalogue;
        this.bundles = bundles;
        this.layout = layout;
        this.accounts = accounts;
        this.audit = audit;
        this.routes = routes();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!path.equals("/admin") && !path.startsWith("/admin/")) {
            return false;
        }
        var found = ConsoleGate.page(gate, request, response, callback, Role.ADMIN);
        if (found.isPresent() && !routes.handle(request, response, callback, found.get())) {
            layout.error(request, response, callback, found.get(), 404, "error.nothingAt", path);
        }
        return true;
    }

    private ConsoleRoutes routes() {
        ConsoleRoutes.Action home = (rq, rs, cb, caller, at) -> ConsoleLayout.send(rs, cb, 200, "admin.jte",
                layout.frame(rq, caller, "admin.title"), new View(bundles.visible(caller), bundles.pending(caller),
                        catalogue.services(), NodeOutcomes.of(bundleSet.get())));
        return collections.routes(accounts.routes(new ConsoleRoutes()), "/admin")
                .route("/admin", RouteTable.GET, home)
                .route("/admin/", RouteTable.GET, home)
                .route("/admin/audit", RouteTable.GET, (rq, rs, cb, caller, at) -> audit.send(rq, rs, cb, caller))
                .route("/admin/messages", RouteTable.GET, (rq, rs, cb, caller, at) -> outbox.send(rq, rs, cb, caller))
                .route("/admin/bundles", ConsoleRoutes.POST, (rq, rs, cb, caller, at) -> bundles.post(rq, rs, cb, caller,
                        "bundles", "/admin"))
                .route("/admin/bundles/{name}/withdraw", RouteTable.GET_POST, (rq, rs, cb, caller, at) -> {
                    if (Exchange.isPost(rq)) {
                        bundles.post(rq, rs, cb, caller, "bundles/" + at.get("name") + "/withdraw", "/admin");
                    } else if (!bundles.confirmWithdraw(rq, rs, cb, caller, at.get("name"), "/admin")) {
                        layout.error(rq, rs, cb, caller, 404, "error.nothingAt", Request.getPathInContext(rq));
                    }
                })
                .route("/admin/bundles/{name}/rollback", ConsoleRoutes.POST, (rq, rs, cb, caller, at) -> bundles.post(rq,
                        rs, cb, caller, "bundles/" + at.get("name") + "/rollback", "/admin"))
                .route("/admin/bundles/{name}/approve", ConsoleRoutes.POST, (rq, rs, cb, caller, at) -> bundles.post(rq,
                        rs, cb, caller, "bundles/" + at.get("name") + "/approve", "/admin"))
                .route("/admin/bundles/{name}/reject", ConsoleRoutes.POST, (rq, rs, cb, caller, at) -> bundles.post(rq,
                        rs, cb, caller, "bundles/" + at.get("name") + "/reject", "/admin"))
                .route("/admin/services/{id}/enable", ConsoleRoutes.POST, (rq, rs, cb, caller, at) -> enable(rq, rs, cb,
                        caller, at.get("id"), true))
                .route("/admin/services/{id}/disable", ConsoleRoutes.POST, (rq, rs, cb, caller, at) -> enable(rq, rs, cb,
                        caller, at.get("id"), false));
    }

    private void enable(Request request, Response response, Callback callback, Gate.Caller caller, String id,
            boolean enable) throws IOException {
        Map<String, String> form = ConsoleGate.checkedForm(request, response, callback, caller);
        if (form == null) {
            return;
        }
        String reason = form.getOrDefault("reason", "").strip();
        java.time.LocalDate back = DisabledReason.day(form.getOrDefault("until", ""));
        if (!enable && reason.isEmpty()) {
            layout.note(caller, false, "services.needReason", id);
        } else if (back == null && !form.getOrDefault("until", "").isBlank()) {
            layout.note(caller, false, "services.badUntil", id);
        } else {
            try {
                catalogue.setEnabled(id, enable, enable ? null : new DisabledReason(reason, DisabledReason.blank(form.get("reasonUr")),
                        back).stored(), caller.name(), "here".equals(form.get("where")));
                if (enable) {
                    layout.note(caller, true, "services.enabledNote", id);
                } else {
                    layout.note(caller, true, "services.disabledNote", id, reason);
                }
            } catch (NoSuchElementException e) {
                layout.note(caller, false, "services.unknown", id);
            }
        }
        Exchange.redirect(response, callback, "/admin");
    }
}
