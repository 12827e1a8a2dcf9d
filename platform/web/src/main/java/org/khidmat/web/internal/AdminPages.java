package org.khidmat.web.internal;

import java.io.IOException;
import java.util.Map;
import java.util.NoSuchElementException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.Role;

/**
 * The centre admin's console, {@code /admin}: every bundle (upload, roll back, withdraw) and every service
 * (enable, disable with a reason citizens see); {@code /admin/accounts}, {@code /admin/audit} and
 * {@code /admin/messages} (the outbox of messages to citizens) are their own pages.
 * Server-rendered HTML with POST-redirect-GET; works without JavaScript.
 */
final class AdminPages extends Handler.Abstract {
    private final Gate gate;
    private final Catalogue catalogue;
    private final BundleForms bundles;
    private final ConsoleLayout layout;
    private final AccountPages accounts;
    private final AuditPage audit;
    private final OutboxPage outbox;

    AdminPages(Gate gate, Catalogue catalogue, BundleForms bundles, ConsoleLayout layout, AccountPages accounts,
            AuditPage audit, OutboxPage outbox) {
        this.outbox = outbox;
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
        var found = gate.page(request, response, callback, Role.ADMIN);
        if (found.isEmpty()) {
            return true;
        }
        Gate.Caller caller = found.get();
        String rest = path.equals("/admin") ? "" : path.substring("/admin/".length());
        if (rest.equals("accounts") || rest.startsWith("accounts/") || rest.startsWith("tokens/")) {
            accounts.handle(request, response, callback, caller, rest, post);
        } else if (rest.equals("audit") && !post) {
            Http.html(response, callback, 200, audit.render(request, caller));
        } else if (rest.equals("messages") && !post) {
            Http.html(response, callback, 200, outbox.render(caller));
        } else if (rest.isEmpty() && !post) {
            Http.html(response, callback, 200, layout.page(caller, "Bundles and services", "<h1>Bundles and services</h1>"
                    + bundles.table(caller, "/admin") + bundles.pendingTable(caller, "/admin")
                    + BundleForms.uploadForm(caller, "/admin") + services(caller)));
        } else if (post && (rest.equals("bundles") || rest.startsWith("bundles/") && (rest.endsWith("/rollback")
                || rest.endsWith("/withdraw") || rest.endsWith("/approve") || rest.endsWith("/reject")))) {
            bundles.post(request, response, callback, caller, rest, "/admin");
        } else if (post && rest.startsWith("services/") && (rest.endsWith("/enable") || rest.endsWith("/disable"))) {
            enable(request, response, callback, caller, rest);
        } else {
            Http.error(response, callback, 404, "nothing at " + path);
        }
        return true;
    }

    private String services(Gate.Caller caller) {
        StringBuilder b = new StringBuilder("<h2>Services</h2><table id=\"services\"><caption>")
                .append(catalogue.services().size()).append(" services; a disabled service's reason is shown to citizens")
                .append("</caption><thead><tr><th scope=\"col\">Service</th><th scope=\"col\">Agency</th>")
                .append("<th scope=\"col\">Bundle</th><th scope=\"col\">State</th><th scope=\"col\">Change</th></tr></thead><tbody>");
        for (CatalogueEntry e : catalogue.services()) {
            String id = Http.escape(e.id());
            b.append("<tr id=\"service-").append(id).append("\"><th scope=\"row\">").append(id).append("<br><span class=\"meta\">")
                    .append(Http.escape(e.descriptor().title().en())).append("</span></th><td>")
                    .append(Http.escape(e.descriptor().agency().code())).append("</td><td>").append(Http.escape(e.symbolicName()))
                    .append(' ').append(Http.escape(e.bundleVersion())).append("</td><td class=\"state\">")
                    .append(e.enabled() ? "Enabled" : "Disabled: " + Http.escape(DisabledReason.of(e.disabledReason()).en())).append("</td><td>");
            if (e.enabled()) {
                String field = "reason-" + id;
                b.append(ConsoleLayout.button(caller, "/admin/services/" + e.id() + "/disable", "Disable", "disable-" + e.id(),
                        "<label for=\"" + field + "\">Reason citizens see</label><input type=\"text\" id=\"" + field
                                + "\" name=\"reason\" required> <label for=\"" + field + "-ur\">In Urdu</label><input type=\"text\" id=\""
                                + field + "-ur\" name=\"reasonUr\" lang=\"ur\" dir=\"rtl\"> <label for=\"" + field
                                + "-until\">Expected back (dd/mm/yyyy)</label><input type=\"text\" id=\"" + field
                                + "-until\" name=\"until\" inputmode=\"numeric\"> ", "danger"));
            } else {
                b.append(ConsoleLayout.button(caller, "/admin/services/" + e.id() + "/enable", "Enable", "enable-" + e.id(), "",
                        null));
            }
            b.append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    private void enable(Request request, Response response, Callback callback, Gate.Caller caller, String rest)
            throws IOException {
        Map<String, String> form = Gate.checkedForm(request, response, callback, caller);
        if (form == null) {
            return;
        }
        boolean enable = rest.endsWith("/enable");
        String id = rest.substring("services/".length(), Math.max("services/".length(), rest.lastIndexOf('/')));
        String reason = form.getOrDefault("reason", "").strip();
        java.time.LocalDate back = DisabledReason.day(form.getOrDefault("until", ""));
        if (!enable && reason.isEmpty()) {
            layout.note(caller, "Write the reason citizens will see before disabling " + id + ".", false);
        } else if (back == null && !form.getOrDefault("until", "").isBlank()) {
            layout.note(caller, "Write the day " + id + " is expected back as day/month/year, like 07/12/2026, or leave it empty.",
                    false);
        } else {
            try {
                catalogue.setEnabled(id, enable, enable ? null : new DisabledReason(reason, DisabledReason.blank(form.get("reasonUr")),
                        back).stored(), caller.name());
                layout.note(caller, (enable ? "Enabled " : "Disabled ") + id + (enable ? "" : ": citizens see \"" + reason + "\""),
                        true);
            } catch (NoSuchElementException e) {
                layout.note(caller, "No service " + id + " in this centre.", false);
            }
        }
        Exchange.redirect(response, callback, "/admin");
    }
}
