package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.page.Languages;
import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.page.Site;
import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.RouteTable;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.MoveResult;
import org.khidmat.api.platform.Role;
import org.khidmat.api.platform.TrackedApplication;

/**
 * The workflow inbox {@code /agency/inbox} and one application {@code /agency/applications/{ref}} with the moves that
 * can succeed now, scoped to the agency of agency staff (admins and operators choose the agency). The owning agency's
 * staff see the applicant's CNIC whole, and every such view is written to the audit log (who and which application,
 * never the CNIC).
 */
public final class InboxPages {
    static final String CNIC_VIEW = "application.cnic-view";
    private final Applications applications;
    private final Catalogue catalogue;
    private final ConsoleLayout layout;
    private final AuditLog audit;

    public InboxPages(Applications applications, Catalogue catalogue, ConsoleLayout layout, AuditLog audit) {
        this.applications = applications;
        this.catalogue = catalogue;
        this.layout = layout;
        this.audit = audit;
    }

    /** @return the table with {@code /agency/inbox}, {@code /agency/applications/{ref}} and its {@code /move} */
    ConsoleRoutes routes(ConsoleRoutes table) {
        return table.route("/agency/inbox", RouteTable.GET, (rq, rs, cb, caller, at) -> inbox(rq, rs, cb, caller))
                .route("/agency/applications/{ref}", RouteTable.GET, (rq, rs, cb, caller, at) -> open(rq, rs, cb, caller,
                        at.get("ref")).ifPresent(t -> show(rq, rs, cb, caller, t, 200, List.of())))
                .route("/agency/applications/{ref}/move", ConsoleRoutes.POST, (rq, rs, cb, caller, at) -> {
                    Optional<TrackedApplication> t = open(rq, rs, cb, caller, at.get("ref"));
                    if (t.isPresent()) {
                        move(rq, rs, cb, caller, t.get());
                    }
                });
    }

    private void inbox(Request request, Response response, Callback callback, Gate.Caller caller) {
        InboxQuery query;
        try {
            query = InboxQuery.of(Exchange.query(request));
        } catch (IllegalArgumentException e) {
            layout.error(request, response, callback, caller, 400, "error.sentence", e.getMessage());
            return;
        }
        String lang = Languages.of(request);
        String agency = caller.is(Role.AGENCY) ? caller.account().agency() : Exchange.query(request).getOrDefault("agency",
                catalogue.services().stream().map(e -> e.descriptor().agency().code()).sorted().findFirst().orElse(""));
        List<ApplicationRecord> list = applications.inbox(agency, query.service(), query.status(), query.after(), query.limit());
        InboxView view = InboxView.of(catalogue, lang, agency, !caller.is(Role.AGENCY), query, list, Site.of(request).time());
        ConsoleLayout.send(response, callback, 200, "inbox.jte", layout.frame(request, caller, "inbox.pageTitle", view.agencyName()),
                view);
    }

    /** @return the application when the caller may act on it; else the 404 page is answered and empty */
    private Optional<TrackedApplication> open(Request request, Response response, Callback callback, Gate.Caller caller,
            String ref) {
        Optional<TrackedApplication> t = applications.open(ref);
        if (t.isEmpty() || !caller.mayAct(t.get().application().agency())) {
            layout.error(request, response, callback, caller, 404, "error.noApplication", ref);
            return Optional.empty();
        }
        return t;
    }

    private void show(Request request, Response response, Callback callback, Gate.Caller caller, TrackedApplication t,
            int status, List<FieldProblem> problems) {
        ApplicationRecord a = t.application();
        boolean whole = caller.is(Role.AGENCY) && a.agency().equals(caller.account().agency());
        if (whole) {
            audit.append(caller.name(), CNIC_VIEW, a.reference(), "the applicant's CNIC shown whole to staff of " + a.agency());
        }
        ApplicationView view = ApplicationView.of(t, Languages.of(request), whole, problems, Site.of(request).time());
        ConsoleLayout.send(response, callback, status, "application.jte",
                layout.frame(request, caller, problems.isEmpty() ? "application.pageTitle" : "application.pageTitleError",
                        a.reference()), view);
    }

    private void move(Request request, Response response, Callback callback, Gate.Caller caller, TrackedApplication t)
            throws IOException {
        Map<String, String> form = ConsoleGate.checkedForm(request, response, callback, caller);
        if (form == null) {
            return;
        }
        String to = form.getOrDefault("to", "");
        String ref = t.application().reference();
        MoveResult r = to.isEmpty() ? new MoveResult(MoveResult.Outcome.NOT_ALLOWED, null)
                : applications.move(ref, to, caller.name(), form.get("note"));
        if (r.moved()) {
            Messages m = Messages.of(Messages.STAFF, Languages.of(request));
            layout.note(caller, true, "application.moved", ref, ApplicationView.name(t.descriptor().workflow(), to, m.lang()));
            Exchange.redirect(response, callback, "/agency/applications/" + ref);
            return;
        }
        String field = r.outcome() == MoveResult.Outcome.NOTE_REQUIRED ? "note" : "to";
        Messages m = Messages.of(Messages.STAFF, Languages.of(request));
        String key = switch (r.outcome()) {
            case NOTE_REQUIRED -> "application.problem.note";
            case PAYMENT_DUE -> "application.problem.payment";
            case CONFLICT -> "application.problem.conflict";
            default -> to.isEmpty() ? "application.problem.choose" : "application.problem.notAllowed";
        };
        show(request, response, callback, caller, applications.open(ref).orElse(t), 422, List.of(new FieldProblem(field, m.get(key))));
    }
}
