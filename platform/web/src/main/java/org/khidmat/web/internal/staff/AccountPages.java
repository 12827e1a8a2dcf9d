package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.page.Languages;
import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.RouteTable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.Problem;
import org.khidmat.api.platform.Account;
import org.khidmat.api.platform.ApiToken;
import org.khidmat.api.platform.Role;

/**
 * {@code /admin/accounts} ({@code accounts.jte}): staff accounts (create with a role and agency, disable and enable,
 * reset a password) and API tokens (issue, shown once; revoke). A new account's problems are all reported at once,
 * each at its field ({@code Accounts.check}); an admin is offered no button to disable their own account, and core
 * refuses it. Every change is audited by the accounts service.
 */
public final class AccountPages {
    /** A field of the new-account form: what was typed (never a password) and what is wrong with it. */
    record Input(String name, String value, String error) {
    }

    /** What the page shows; {@code token} is a token issued just now for {@code tokenFor}, shown once. */
    record View(List<Account> accounts, List<ApiToken> tokens, String token, String tokenFor, List<Input> inputs,
            List<FieldProblem> problems) {
    }

    private static final List<String> FIELDS = List.of("username", "password", "role", "agency");
    private final Gate gate;
    private final ConsoleLayout layout;

    public AccountPages(Gate gate, ConsoleLayout layout) {
        this.gate = gate;
        this.layout = layout;
    }

    /** A change an account form asks for; {@code false} when it answered the request itself. */
    @FunctionalInterface
    private interface Change {
        boolean apply(Map<String, String> form);
    }

    /** @return the console routes of accounts and tokens, under the admin console's table */
    ConsoleRoutes routes(ConsoleRoutes table) {
        return table
                .route("/admin/accounts", RouteTable.GET_POST, (rq, rs, cb, caller, at) -> {
                    if (Exchange.isPost(rq)) {
                        change(rq, rs, cb, caller, form -> create(rq, rs, cb, caller, form));
                    } else {
                        render(rq, rs, cb, caller, 200, null, null, Map.of(), List.of());
                    }
                })
                .route("/admin/accounts/{name}/enable", ConsoleRoutes.POST, (rq, rs, cb, caller, at) -> change(rq, rs, cb,
                        caller, form -> enable(caller, at.get("name"), true)))
                .route("/admin/accounts/{name}/disable", ConsoleRoutes.POST, (rq, rs, cb, caller, at) -> change(rq, rs, cb,
                        caller, form -> enable(caller, at.get("name"), false)))
                .route("/admin/accounts/{name}/password", ConsoleRoutes.POST, (rq, rs, cb, caller, at) -> change(rq, rs, cb,
                        caller, form -> {
                            gate.accounts().setPassword(at.get("name"), form.getOrDefault("password", "").toCharArray(), caller.name());
                            layout.note(caller, true, "accounts.passwordNote", at.get("name"));
                            return true;
                        }))
                .route("/admin/accounts/{name}/tokens", ConsoleRoutes.POST, (rq, rs, cb, caller, at) -> change(rq, rs, cb,
                        caller, form -> {
                            String token = gate.accounts().issueToken(at.get("name"), form.get("label"), caller.name());
                            render(rq, rs, cb, caller, 200, token, at.get("name"), Map.of(), List.of());
                            return false;
                        }))
                .route("/admin/tokens/{id}/revoke", ConsoleRoutes.POST, (rq, rs, cb, caller, at) -> change(rq, rs, cb,
                        caller, form -> {
                            boolean done = gate.accounts().revokeToken(at.get("id"), caller.name());
                            layout.note(caller, done, done ? "accounts.revokedNote" : "accounts.noToken", at.get("id"));
                            return true;
                        }));
    }

    /** Reads the form (its CSRF field checked), applies the change and goes back to the accounts page (PRG). */
    private void change(Request request, Response response, Callback callback, Gate.Caller caller, Change change)
            throws IOException {
        Map<String, String> form = ConsoleGate.checkedForm(request, response, callback, caller);
        if (form == null) {
            return;
        }
        try {
            if (!change.apply(form)) {
                return;
            }
        } catch (IllegalArgumentException e) {
            layout.note(caller, e.getMessage(), false);
        }
        Exchange.redirect(response, callback, "/admin/accounts");
    }

    private boolean enable(Gate.Caller caller, String name, boolean enable) {
        gate.accounts().setEnabled(name, enable, caller.name());
        layout.note(caller, true, enable ? "accounts.enabledNote" : "accounts.disabledNote", name);
        return true;
    }

    /** @return whether the account was made (and a redirect is due); else the form is answered again with its problems */
    private boolean create(Request request, Response response, Callback callback, Gate.Caller caller, Map<String, String> form) {
        String username = form.getOrDefault("username", "").strip();
        char[] password = form.getOrDefault("password", "").toCharArray();
        String roleName = form.getOrDefault("role", "OPERATOR").toUpperCase(Locale.ROOT);
        Role role = List.of("ADMIN", "AGENCY", "OPERATOR").contains(roleName) ? Role.valueOf(roleName) : null;
        String agency = form.getOrDefault("agency", "").strip();
        String forRole = role == Role.AGENCY ? agency : null;
        boolean newAgency = "yes".equals(form.get("newAgency"));
        List<Problem> problems = gate.accounts().check(username, password, role, forRole, newAgency);
        if (problems.isEmpty()) {
            try {
                Account a = gate.accounts().create(username, password, role, forRole, newAgency, caller.name());
                layout.note(caller, true, "accounts.created", a.username(), a.role().name(), a.agency() == null ? "-" : a.agency());
                return true;
            } catch (IllegalArgumentException e) {
                problems = List.of(Problem.of(null, e.getMessage(), e.getMessage()));
            }
        }
        String lang = Languages.of(request);
        List<FieldProblem> shown = problems.stream().map(p -> FieldProblem.of(p, lang)).toList();
        render(request, response, callback, caller, 422, null, null, Map.of("username", username, "role", roleName, "agency", agency),
                shown);
        return false;
    }

    private void render(Request request, Response response, Callback callback, Gate.Caller caller, int status, String token,
            String tokenFor, Map<String, String> typed, List<FieldProblem> problems) {
        List<Input> inputs = new ArrayList<>();
        for (String f : FIELDS) {
            String error = problems.stream().filter(p -> f.equals(p.field())).map(FieldProblem::text).findFirst().orElse(null);
            inputs.add(new Input(f, typed.getOrDefault(f, ""), error));
        }
        ConsoleLayout.Frame frame = layout.frame(request, caller, problems.isEmpty() ? "accounts.title" : "accounts.titleError");
        ConsoleLayout.send(response, callback, status, "accounts.jte", frame, new View(gate.accounts().list(),
                gate.accounts().tokens(null), token, tokenFor, inputs, problems));
    }
}
