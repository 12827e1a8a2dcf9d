package org.khidmat.web.internal;

import java.io.IOException;
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
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.MoveResult;
import org.khidmat.api.platform.TrackedApplication;

/**
 * The agency's workflow inbox, {@code /agency}, served only while the development switch is on (there are no
 * accounts yet): an agency's applications by service and status, one application, and its allowed moves.
 */
final class AgencyPages extends Handler.Abstract {
    private final Applications applications;
    private final Catalogue catalogue;
    private final DevSwitch dev;

    AgencyPages(Applications applications, Catalogue catalogue, DevSwitch dev) {
        this.applications = applications;
        this.catalogue = catalogue;
        this.dev = dev;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String path = Request.getPathInContext(request);
        if (!path.equals("/agency") && !path.startsWith("/agency/")) {
            return false;
        }
        if (!dev.on()) {
            Http.error(response, callback, 404, "nothing at " + path);
            return true;
        }
        try {
            if (path.equals("/agency")) {
                Http.html(response, callback, 200, inbox(request));
            } else if (path.startsWith("/agency/applications/")) {
                String rest = path.substring("/agency/applications/".length());
                boolean move = rest.endsWith("/move") && Exchange.isPost(request);
                String ref = move ? rest.substring(0, rest.length() - "/move".length()) : rest;
                Optional<TrackedApplication> t = applications.open(ref);
                if (t.isEmpty()) {
                    Http.error(response, callback, 404, "no application " + ref);
                } else if (move) {
                    move(request, response, callback, t.get());
                } else {
                    Http.html(response, callback, 200, detail(request, t.get(), List.of()));
                }
            } else {
                Http.error(response, callback, 404, "nothing at " + path);
            }
        } catch (Exchange.TooLarge e) {
            Http.error(response, callback, 413, e.getMessage());
        }
        return true;
    }

    private String inbox(Request request) {
        Map<String, String> q = Exchange.query(request);
        Map<String, String> agencies = new TreeMap<>();
        catalogue.services().forEach(e -> agencies.put(e.descriptor().agency().code(), e.descriptor().agency().name().en()));
        String agency = q.getOrDefault("agency", agencies.isEmpty() ? "" : agencies.keySet().iterator().next());
        String service = q.getOrDefault("service", "");
        String status = q.getOrDefault("status", "");
        StringBuilder b = new StringBuilder("<p><strong>Development console</strong>: no login yet; never expose it.</p>"
                + "<h1>Agency inbox</h1><form method=\"get\" action=\"/agency\">");
        b.append(select("agency", "Agency", agencies, agency, false));
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
        List<ApplicationRecord> list = applications.inbox(agency, service, status, 200);
        b.append("<table id=\"inbox\"><caption>").append(list.size()).append(" applications</caption><thead><tr>")
                .append("<th scope=\"col\">Reference</th><th scope=\"col\">Service</th><th scope=\"col\">Status</th>")
                .append("<th scope=\"col\">CNIC</th><th scope=\"col\">Filed</th></tr></thead><tbody>");
        for (ApplicationRecord a : list) {
            b.append("<tr><td><a href=\"/agency/applications/").append(Http.escape(a.reference())).append("\">")
                    .append(Http.escape(a.reference())).append("</a></td><td>").append(Http.escape(a.serviceId()))
                    .append("</td><td>").append(Http.escape(a.status())).append("</td><td>").append(Http.escape(a.cnic()))
                    .append("</td><td>").append(TrackPage.WHEN.format(a.createdAt())).append("</td></tr>");
        }
        b.append("</tbody></table>");
        return Layout.page(request, "en", "Agency inbox", b.toString());
    }

    private void move(Request request, Response response, Callback callback, TrackedApplication t)
            throws IOException, Exchange.TooLarge {
        Map<String, String> form = Exchange.form(request);
        String to = form.getOrDefault("to", "");
        String actor = form.getOrDefault("actor", "").strip();
        MoveResult r = to.isEmpty() ? new MoveResult(MoveResult.Outcome.NOT_ALLOWED, "Choose the next step")
                : applications.move(t.application().reference(), to, DevSwitch.ACTOR_PREFIX + (actor.isEmpty() ? "staff" : actor),
                        form.get("note"));
        if (r.moved()) {
            Exchange.redirect(response, callback, "/agency/applications/" + t.application().reference());
        } else {
            String field = r.outcome() == MoveResult.Outcome.NOTE_REQUIRED ? "note" : "to";
            Http.html(response, callback, 422, detail(request, applications.open(t.application().reference()).orElse(t),
                    List.of(Problem.of(field, r.message(), r.message()))));
        }
    }

    private String detail(Request request, TrackedApplication t, List<Problem> problems) {
        ApplicationRecord a = t.application();
        StringBuilder b = new StringBuilder(FormHtml.summary(problems, "en"));
        b.append("<p><a href=\"/agency?agency=").append(Http.escape(a.agency())).append("\">Back to the inbox</a></p>")
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
                    .append(Http.escape(a.reference())).append("/move\"><fieldset><legend>Next step</legend>");
            int i = 0;
            for (Transition x : next) {
                String id = i++ == 0 ? "f-to" : "f-to-" + i;
                b.append("<div class=\"choice\"><input type=\"radio\" name=\"to\" id=\"").append(id).append("\" value=\"")
                        .append(Http.escape(x.to())).append("\"> <label for=\"").append(id).append("\">")
                        .append(Http.escape(x.label().en())).append(x.noteRequired() ? " (note required)" : "")
                        .append("</label></div>");
            }
            b.append("</fieldset><label for=\"f-note\">Note</label><textarea id=\"f-note\" name=\"note\" rows=\"3\"></textarea>")
                    .append("<label for=\"f-actor\">Your name</label><input type=\"text\" id=\"f-actor\" name=\"actor\">")
                    .append("<button type=\"submit\" id=\"move\">Move</button></form>");
        }
        return Layout.page(request, "en", Http.escape(a.reference()), b.toString());
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
