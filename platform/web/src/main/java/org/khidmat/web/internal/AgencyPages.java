package org.khidmat.web.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.Problem;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.FieldType;
import org.khidmat.api.descriptor.Transition;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.AuditLog;
import org.khidmat.api.platform.Role;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.InboxCursor;
import org.khidmat.api.platform.MoveResult;
import org.khidmat.api.platform.TrackedApplication;

/**
 * The agency console behind login: {@code /agency} (agency staff: their agency's bundles, upload and update, roll
 * back, withdraw, and the deploy history), and the workflow inbox {@code /agency/inbox} with one application and
 * its allowed moves, scoped to the agency of agency staff (admins and operators choose the agency).
 */
final class AgencyPages extends Handler.Abstract {
    private final Gate gate;
    private final Applications applications;
    private final Catalogue catalogue;
    private final BundleForms bundles;
    private final ConsoleLayout layout;
    private final AuditLog audit;

    AgencyPages(Gate gate, Applications applications, Catalogue catalogue, BundleForms bundles, ConsoleLayout layout,
            AuditLog audit) {
        this.gate = gate;
        this.applications = applications;
        this.catalogue = catalogue;
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
        var found = bundlePage ? gate.page(request, response, callback, Role.AGENCY) : gate.page(request, response, callback);
        if (found.isEmpty()) {
            return true;
        }
        Gate.Caller caller = found.get();
        String rest = path.equals("/agency") ? "" : path.substring("/agency/".length());
        try {
            if (rest.isEmpty() && !post) {
                Http.html(response, callback, 200, layout.page(caller, "Our bundles", "<h1>Bundles of agency "
                        + Http.escape(caller.account().agency()) + "</h1>" + bundles.table(caller, "/agency")
                        + BundleForms.uploadForm(caller, "/agency") + "<h2>Deploy history</h2>"
                        + AuditPage.table(AgencyHistory.of(audit, gate, caller.account().agency()), "history")));
            } else if (post && (rest.equals("bundles") || rest.startsWith("bundles/") && (rest.endsWith("/rollback")
                    || rest.endsWith("/withdraw")))) {
                bundles.post(request, response, callback, caller, rest, "/agency");
            } else if (rest.equals("inbox") && !post) {
                InboxQuery query;
                try {
                    query = InboxQuery.of(Exchange.query(request));
                } catch (IllegalArgumentException e) {
                    Http.error(response, callback, 400, e.getMessage());
                    return true;
                }
                Http.html(response, callback, 200, inbox(request, caller, query));
            } else if (rest.startsWith("applications/")) {
                String ref = rest.substring("applications/".length());
                boolean move = ref.endsWith("/move") && post;
                ref = move ? ref.substring(0, ref.length() - "/move".length()) : ref;
                Optional<TrackedApplication> t = applications.open(ref);
                if (t.isEmpty() || !caller.mayAct(t.get().application().agency())) {
                    Http.error(response, callback, 404, "no application " + ref + " in your inbox");
                } else if (move) {
                    move(request, response, callback, caller, t.get());
                } else if (!post) {
                    Http.html(response, callback, 200, detail(caller, t.get(), List.of()));
                } else {
                    Http.error(response, callback, 405, "POST is not allowed here");
                }
            } else {
                Http.error(response, callback, 404, "nothing at " + path);
            }
        } catch (Exchange.TooLarge e) {
            Http.error(response, callback, 413, e.getMessage());
        }
        return true;
    }

    private String inbox(Request request, Gate.Caller caller, InboxQuery query) {
        Map<String, String> q = Exchange.query(request);
        Map<String, String> agencies = new TreeMap<>();
        catalogue.services().forEach(e -> agencies.put(e.descriptor().agency().code(), e.descriptor().agency().name().en()));
        String agency = caller.is(Role.AGENCY) ? caller.account().agency()
                : q.getOrDefault("agency", agencies.isEmpty() ? "" : agencies.keySet().iterator().next());
        String service = q.getOrDefault("service", "");
        String status = q.getOrDefault("status", "");
        StringBuilder b = new StringBuilder("<h1>Inbox of agency " + Http.escape(agency) + "</h1>"
                + "<form method=\"get\" action=\"/agency/inbox\">");
        if (!caller.is(Role.AGENCY)) {
            b.append(select("agency", "Agency", agencies, agency, false));
        }
        Map<String, String> services = new TreeMap<>();
        Map<String, String> states = new TreeMap<>();
        for (CatalogueEntry e : catalogue.services()) {
            if (e.descriptor().agency().code().equals(agency)) {
                services.put(e.id(), e.descriptor().title().en());
                e.descriptor().workflow().states().forEach(s -> states.put(s.id(), s.label().en()));
            }
        }
        b.append(select("service", "Service", services, service, true)).append(select("status", "Status", states, status, true))
                .append("<button type=\"submit\" id=\"filter\">Show</button></form>");
        List<ApplicationRecord> list = applications.inbox(agency, service, status, query.after(), query.limit());
        b.append("<table id=\"inbox\"><caption>").append(list.size()).append(" applications</caption><thead><tr>")
                .append("<th scope=\"col\">Reference</th><th scope=\"col\">Service</th><th scope=\"col\">Status</th>")
                .append("<th scope=\"col\">CNIC</th><th scope=\"col\">Filed</th></tr></thead><tbody>");
        for (ApplicationRecord a : list) {
            b.append("<tr><td><a href=\"/agency/applications/").append(Http.escape(a.reference())).append("\">")
                    .append(Http.escape(a.reference())).append("</a></td><td>").append(Http.escape(a.serviceId()))
                    .append("</td><td>").append(Http.escape(a.status())).append("</td><td>").append(Http.escape(a.cnic()))
                    .append("</td><td>").append(CentreTime.when().format(a.createdAt())).append("</td></tr>");
        }
        b.append("</tbody></table>");
        InboxCursor next = query.next(list);
        if (next != null) {
            b.append("<p><a id=\"older\" href=\"/agency/inbox?").append(Http.escape(String.join("&",
                    "agency=" + URLEncoder.encode(agency, StandardCharsets.UTF_8),
                    "service=" + URLEncoder.encode(service, StandardCharsets.UTF_8),
                    "status=" + URLEncoder.encode(status, StandardCharsets.UTF_8), "limit=" + query.limit(),
                    InboxQuery.afterParameter(next)))).append("\">Older applications</a></p>");
        }
        return layout.page(caller, "Agency inbox", b.toString());
    }

    private void move(Request request, Response response, Callback callback, Gate.Caller caller, TrackedApplication t)
            throws IOException, Exchange.TooLarge {
        Map<String, String> form = Gate.checkedForm(request, response, callback, caller);
        if (form == null) {
            return;
        }
        String to = form.getOrDefault("to", "");
        MoveResult r = to.isEmpty() ? new MoveResult(MoveResult.Outcome.NOT_ALLOWED, "Choose the next step")
                : applications.move(t.application().reference(), to, caller.name(), form.get("note"));
        if (r.moved()) {
            Exchange.redirect(response, callback, "/agency/applications/" + t.application().reference());
        } else {
            String field = r.outcome() == MoveResult.Outcome.NOTE_REQUIRED ? "note" : "to";
            Http.html(response, callback, 422, detail(caller, applications.open(t.application().reference()).orElse(t),
                    List.of(Problem.of(field, r.message(), r.message()))));
        }
    }

    private String detail(Gate.Caller caller, TrackedApplication t, List<Problem> problems) {
        ApplicationRecord a = t.application();
        StringBuilder b = new StringBuilder(FormHtml.summary(problems, "en"));
        b.append("<p><a href=\"/agency/inbox?agency=").append(Http.escape(a.agency())).append("\">Back to the inbox</a></p>")
                .append("<h1>").append(Http.escape(a.reference())).append("</h1><p>")
                .append(Http.escape(t.descriptor().title().en())).append(" (v").append(a.descriptorVersion()).append("), tier ")
                .append(Http.escape(a.tier())).append("</p><dl>");
        for (Field f : Applications.questions(t.descriptor())) {
            String v = a.answers().getOrDefault(f.name(), "");
            b.append("<dt>").append(Http.escape(f.label().en())).append("</dt><dd>")
                    .append(f.type() == FieldType.CNIC ? Http.escape(mask(v)) : FormHtml.shown(f, a.answers(), "en")).append("</dd>");
        }
        b.append("</dl>").append(TrackPage.result(t, "en"));
        List<Transition> next = t.next();
        if (!next.isEmpty()) {
            b.append("<h2>Move this application</h2><form method=\"post\" action=\"/agency/applications/")
                    .append(Http.escape(a.reference())).append("/move\">").append(ConsoleLayout.csrf(caller))
                    .append("<fieldset><legend>Next step</legend>");
            int i = 0;
            for (Transition x : next) {
                String id = i++ == 0 ? "f-to" : "f-to-" + i;
                b.append("<div class=\"choice\"><input type=\"radio\" name=\"to\" id=\"").append(id).append("\" value=\"")
                        .append(Http.escape(x.to())).append("\"> <label for=\"").append(id).append("\">")
                        .append(Http.escape(x.label().en())).append(x.noteRequired() ? " (note required)" : "")
                        .append("</label></div>");
            }
            b.append("</fieldset><label for=\"f-note\">Note</label><textarea id=\"f-note\" name=\"note\" rows=\"3\"></textarea>")
                    .append("<button type=\"submit\" id=\"move\">Move</button></form>");
        }
        return layout.page(caller, Http.escape(a.reference()), b.toString());
    }

    private static String mask(String cnic) {
        return cnic.length() == 13 ? cnic.substring(0, 5) + "-*******-" + cnic.charAt(12) : "*************";
    }

    private static String select(String name, String label, Map<String, String> values, String chosen, boolean any) {
        StringBuilder b = new StringBuilder("<label for=\"").append(name).append("\">").append(label).append("</label><select id=\"")
                .append(name).append("\" name=\"").append(name).append("\">");
        if (any) {
            b.append("<option value=\"\">All</option>");
        }
        values.forEach((v, t) -> b.append("<option value=\"").append(Http.escape(v)).append('"')
                .append(v.equals(chosen) ? " selected" : "").append('>').append(Http.escape(t)).append("</option>"));
        return b.append("</select>").toString();
    }
}
