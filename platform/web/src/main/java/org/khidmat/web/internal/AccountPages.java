package org.khidmat.web.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Account;
import org.khidmat.api.platform.ApiToken;
import org.khidmat.api.platform.Role;

/**
 * {@code /admin/accounts}: staff accounts (create with a role and agency, disable and enable, reset a password)
 * and API tokens (issue, shown once; revoke). Every change is audited by the accounts service.
 */
final class AccountPages {
    private final Gate gate;
    private final ConsoleLayout layout;

    AccountPages(Gate gate, ConsoleLayout layout) {
        this.gate = gate;
        this.layout = layout;
    }

    void handle(Request request, Response response, Callback callback, Gate.Caller caller, String rest, boolean post)
            throws IOException {
        if (!post) {
            if (rest.equals("accounts")) {
                Http.html(response, callback, 200, render(caller, null));
            } else {
                Http.error(response, callback, 404, "nothing at /admin/" + rest);
            }
            return;
        }
        Map<String, String> form = Gate.checkedForm(request, response, callback, caller);
        if (form == null) {
            return;
        }
        try {
            if (rest.equals("accounts")) {
                create(caller, form);
            } else if (rest.startsWith("tokens/") && rest.endsWith("/revoke")) {
                String id = Exchange.between(rest, "tokens/", "/revoke");
                boolean done = gate.accounts().revokeToken(id, caller.name());
                layout.note(caller, done ? "Token " + id + " is revoked." : "No token " + id + ".", done);
            } else if (rest.startsWith("accounts/")) {
                String name = rest.substring("accounts/".length(), Math.max("accounts/".length(), rest.lastIndexOf('/')));
                String action = rest.substring(rest.lastIndexOf('/') + 1);
                switch (action) {
                    case "enable", "disable" -> {
                        gate.accounts().setEnabled(name, action.equals("enable"), caller.name());
                        layout.note(caller, "Account " + name + (action.equals("enable") ? " is enabled."
                                : " is disabled; its sessions and tokens stopped."), true);
                    }
                    case "password" -> {
                        gate.accounts().setPassword(name, form.getOrDefault("password", "").toCharArray(), caller.name());
                        layout.note(caller, "The password of " + name + " is changed; its sessions ended.", true);
                    }
                    case "tokens" -> {
                        String token = gate.accounts().issueToken(name, form.get("label"), caller.name());
                        Http.html(response, callback, 200, render(caller, "<div class=\"flash\" role=\"status\"><p>New token for "
                                + Http.escape(name) + ", shown this once; copy it into the pipeline's secrets now:</p>"
                                + "<p><code id=\"new-token\" class=\"secret\">" + Http.escape(token) + "</code></p></div>"));
                        return;
                    }
                    default -> layout.note(caller, "Unknown action " + action + ".", false);
                }
            }
        } catch (IllegalArgumentException e) {
            layout.note(caller, e.getMessage(), false);
        }
        Exchange.redirect(response, callback, "/admin/accounts");
    }

    private void create(Gate.Caller caller, Map<String, String> form) {
        Role role = Role.valueOf(form.getOrDefault("role", "OPERATOR").toUpperCase(Locale.ROOT));
        String agency = form.getOrDefault("agency", "").strip();
        Account a = gate.accounts().create(form.getOrDefault("username", "").strip(), form.getOrDefault("password", "")
                .toCharArray(), role, role == Role.AGENCY ? agency : null, caller.name());
        layout.note(caller, "Account " + a.username() + " (" + a.role() + (a.agency() == null ? "" : " of " + a.agency())
                + ") is created.", true);
    }

    private String render(Gate.Caller caller, String shownOnce) {
        StringBuilder b = new StringBuilder(shownOnce == null ? "" : shownOnce).append("<h1>Staff accounts</h1>")
                .append("<table id=\"accounts\"><caption>Accounts</caption><thead><tr><th scope=\"col\">Username</th>")
                .append("<th scope=\"col\">Role</th><th scope=\"col\">Agency</th><th scope=\"col\">State</th>")
                .append("<th scope=\"col\">Actions</th></tr></thead><tbody>");
        for (Account a : gate.accounts().list()) {
            String n = Http.escape(a.username());
            String base = "/admin/accounts/" + a.username();
            b.append("<tr id=\"account-").append(n).append("\"><th scope=\"row\">").append(n).append("</th><td>")
                    .append(a.role()).append("</td><td>").append(Http.escape(a.agency())).append("</td><td>")
                    .append(a.enabled() ? "Enabled" : "Disabled").append("</td><td>")
                    .append(ConsoleLayout.button(caller, base + (a.enabled() ? "/disable" : "/enable"),
                            (a.enabled() ? "Disable" : "Enable") + "<span class=\"skip\"> " + n + "</span>",
                            (a.enabled() ? "disable-" : "enable-") + a.username(), "", a.enabled() ? "danger" : null))
                    .append(' ').append(ConsoleLayout.button(caller, base + "/password", "Set password", "password-" + a.username(),
                            "<label for=\"pw-" + n + "\">New password for " + n + "</label><input type=\"password\" id=\"pw-" + n
                                    + "\" name=\"password\" autocomplete=\"new-password\"> ", "secondary"))
                    .append(' ').append(ConsoleLayout.button(caller, base + "/tokens", "Issue token", "token-" + a.username(),
                            "<label for=\"label-" + n + "\">Token label for " + n + "</label><input type=\"text\" id=\"label-" + n
                                    + "\" name=\"label\"> ", null))
                    .append("</td></tr>");
        }
        b.append("</tbody></table><h2>API tokens</h2><table id=\"tokens\"><caption>Tokens (only their hashes are kept)</caption>")
                .append("<thead><tr><th scope=\"col\">Id</th><th scope=\"col\">Account</th><th scope=\"col\">Label</th>")
                .append("<th scope=\"col\">Issued</th><th scope=\"col\">State</th></tr></thead><tbody>");
        for (ApiToken t : gate.accounts().tokens(null)) {
            b.append("<tr><th scope=\"row\">").append(Http.escape(t.id())).append("</th><td>").append(Http.escape(t.username()))
                    .append("</td><td>").append(Http.escape(t.label())).append("</td><td>")
                    .append(BundleForms.WHEN.format(t.createdAt())).append("</td><td>").append(t.revoked() ? "Revoked"
                            : ConsoleLayout.button(caller, "/admin/tokens/" + t.id() + "/revoke", "Revoke<span class=\"skip\"> "
                                    + Http.escape(t.id()) + "</span>", "revoke-" + t.id(), "", "danger"))
                    .append("</td></tr>");
        }
        b.append("</tbody></table><h2>New account</h2><form method=\"post\" action=\"/admin/accounts\">")
                .append(ConsoleLayout.csrf(caller))
                .append("<label for=\"new-username\">Username</label><span class=\"hint\">3 to 32 lowercase letters, digits, dots or dashes</span>")
                .append("<input type=\"text\" id=\"new-username\" name=\"username\" autocomplete=\"off\">")
                .append("<label for=\"new-password\">Password</label><span class=\"hint\">at least 12 characters</span>")
                .append("<input type=\"password\" id=\"new-password\" name=\"password\" autocomplete=\"new-password\">")
                .append("<label for=\"new-role\">Role</label><select id=\"new-role\" name=\"role\">")
                .append("<option value=\"OPERATOR\">Counter operator</option><option value=\"AGENCY\">Agency staff</option>")
                .append("<option value=\"ADMIN\">Centre admin</option></select>")
                .append("<label for=\"new-agency\">Agency code</label><span class=\"hint\">for agency staff only, like nadra</span>")
                .append("<input type=\"text\" id=\"new-agency\" name=\"agency\">")
                .append("<button type=\"submit\" id=\"create-account\">Create account</button></form>");
        return layout.page(caller, "Staff accounts", b.toString());
    }
}
