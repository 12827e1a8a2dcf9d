package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Gate;
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
    /** The bundle set, when the store keeps one: each bundle's outcome on every node. */
    private final Supplier<BundleSet> bundleSet;

    public AdminPages(Gate gate, Catalogue catalogue, BundleForms bundles, ConsoleLayout layout, AccountPages accounts,
            AuditPage audit, OutboxPage outbox, Supplier<BundleSet> bundleSet) {
        this.outbox = outbox;
        this.bundleSet = bundleSet;
        this.gate = gate;
        this.catalogue = catalogue;
        this.bundles = bundles;
        this.layout = layout;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String path = Request.getPathInContext(request);
        if (!path.equals("/admin") && !path.startsWith("/admin/")) {
            return false;
        }
        boolean post = Exchange.isPost(request);
        var found = ConsoleGate.page(gate, request, response, callback, Role.ADMIN);
        if (found.isEmpty()) {
            return true;
        }
        Gate.Caller caller = found.get();
        String rest = path.equals("/admin") ? "" : path.substring("/admin/".length());
        if (rest.equals("accounts") || rest.startsWith("accounts/") || rest.startsWith("tokens/")) {
            accounts.handle(request, response, callback, caller, rest, post);
        } else if (rest.equals("audit") && !post) {
            audit.send(request, response, callback, caller);
        } else if (rest.equals("messages") && !post) {
            outbox.send(request, response, callback, caller);
        } else if (rest.isEmpty() && !post) {
            ConsoleLayout.send(response, callback, 200, "admin.jte", layout.frame(request, caller, "admin.title"),
                    new View(bundles.visible(caller), bundles.pending(caller), catalogue.services(),
                            NodeOutcomes.of(bundleSet.get())));
        } else if (!post && rest.startsWith("bundles/") && rest.endsWith("/withdraw")
                && bundles.confirmWithdraw(request, response, callback, caller, Exchange.between(rest, "bundles/", "/withdraw"),
                        "/admin")) {
            return true;
        } else if (post && (rest.equals("bundles") || rest.startsWith("bundles/") && (rest.endsWith("/rollback")
                || rest.endsWith("/withdraw") || rest.endsWith("/approve") || rest.endsWith("/reject")))) {
            bundles.post(request, response, callback, caller, rest, "/admin");
        } else if (post && rest.startsWith("services/") && (rest.endsWith("/enable") || rest.endsWith("/disable"))) {
            enable(request, response, callback, caller, rest);
        } else {
            layout.error(request, response, callback, caller, 404, "error.nothingAt", path);
        }
        return true;
    }

    private void enable(Request request, Response response, Callback callback, Gate.Caller caller, String rest)
            throws IOException {
        Map<String, String> form = ConsoleGate.checkedForm(request, response, callback, caller);
        if (form == null) {
            return;
        }
        boolean enable = rest.endsWith("/enable");
        String id = rest.substring("services/".length(), Math.max("services/".length(), rest.lastIndexOf('/')));
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
