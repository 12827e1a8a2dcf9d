package org.khidmat.web.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.DeployedBundle;
import org.khidmat.api.platform.PendingBundle;

/**
 * The bundle table, the upload form and their actions, shared by {@code /admin} and {@code /agency}: uploads,
 * rollbacks and withdrawals go through {@link BundleDesk}, and the deployer's verdict is the next page's note.
 */
final class BundleForms {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private final BundleDesk desk;
    private final Uploads uploads;
    private final ConsoleLayout layout;

    BundleForms(BundleDesk desk, Uploads uploads, ConsoleLayout layout) {
        this.desk = desk;
        this.uploads = uploads;
        this.layout = layout;
    }

    String table(Gate.Caller caller, String base) {
        List<DeployedBundle> list = desk.visible(caller);
        StringBuilder b = new StringBuilder("<table id=\"bundles\"><caption>").append(list.size()).append(" bundles</caption><thead><tr>")
                .append("<th scope=\"col\">Bundle</th><th scope=\"col\">Version</th><th scope=\"col\">State</th>")
                .append("<th scope=\"col\">Agency</th><th scope=\"col\">Services</th><th scope=\"col\">Deployed by, when</th>")
                .append("<th scope=\"col\">SHA-256</th><th scope=\"col\">Previous</th><th scope=\"col\">Actions</th></tr></thead><tbody>");
        for (DeployedBundle d : list) {
            String sn = Http.escape(d.symbolicName());
            b.append("<tr id=\"bundle-").append(sn).append("\"><th scope=\"row\">").append(sn).append("</th><td class=\"version\">")
                    .append(Http.escape(d.version())).append("</td><td>").append(Http.escape(d.state())).append("</td><td>")
                    .append(Http.escape(d.agency())).append("</td><td>").append(Http.escape(String.join(", ", d.services())))
                    .append("</td><td>").append(Http.escape(d.deployedBy())).append(", ")
                    .append(d.deployedAt() == null ? "" : WHEN.format(d.deployedAt())).append("</td><td class=\"sha\">")
                    .append(Http.escape(d.sha256())).append("</td><td>").append(d.previousVersion() == null ? "none"
                            : Http.escape(d.previousVersion())).append("</td><td>");
            if (d.previousVersion() != null) {
                b.append(ConsoleLayout.button(caller, base + "/bundles/" + d.symbolicName() + "/rollback",
                        "Roll back to " + Http.escape(d.previousVersion()) + "<span class=\"skip\"> " + sn + "</span>",
                        "rollback-" + d.symbolicName(), "", "secondary")).append(' ');
            }
            b.append(ConsoleLayout.button(caller, base + "/bundles/" + d.symbolicName() + "/withdraw",
                    "Withdraw<span class=\"skip\"> " + sn + "</span>", "withdraw-" + d.symbolicName(), "", "danger"))
                    .append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    /** The jars with code waiting for a centre admin's approval, with what the admin needs to judge each. */
    String pendingTable(Gate.Caller caller, String base) {
        List<PendingBundle> list = desk.pending(caller);
        if (list.isEmpty()) {
            return "<h2 id=\"pending\">Waiting for approval</h2><p>No bundle with code waits for approval.</p>";
        }
        StringBuilder b = new StringBuilder("<h2 id=\"pending\">Waiting for approval</h2><p>These bundles carry code, "
                + "uploaded by agency accounts. Code runs inside the centre beside every agency's data: approve only what "
                + "you have reviewed.</p><table id=\"pending-bundles\"><caption>").append(list.size())
                .append(list.size() == 1 ? " bundle waits" : " bundles wait").append("</caption><thead><tr>")
                .append("<th scope=\"col\">Bundle</th><th scope=\"col\">Agency</th><th scope=\"col\">Uploaded by, when</th>")
                .append("<th scope=\"col\">SHA-256</th><th scope=\"col\">Imports</th><th scope=\"col\">Code</th>")
                .append("<th scope=\"col\">Actions</th></tr></thead><tbody>");
        for (PendingBundle p : list) {
            String label = Http.escape(p.symbolicName() + " " + p.version());
            b.append("<tr><th scope=\"row\">").append(label).append("</th><td>").append(Http.escape(p.agency()))
                    .append("</td><td>").append(Http.escape(p.uploadedBy())).append(", ").append(WHEN.format(p.uploadedAt()))
                    .append("</td><td class=\"sha\">").append(Http.escape(p.sha256())).append("</td><td>")
                    .append(Http.escape(String.join(", ", p.imports()))).append("</td><td>").append(p.classes())
                    .append(p.classes() == 1 ? " class" : " classes").append(p.components().isEmpty() ? "" : "; ")
                    .append(Http.escape(String.join(", ", p.components()))).append("</td><td>")
                    .append(ConsoleLayout.button(caller, base + "/bundles/pending/" + p.sha256() + "/approve",
                            "Approve and deploy<span class=\"skip\"> " + label + "</span>", "approve-" + p.sha256(), "", "secondary"))
                    .append(' ')
                    .append(ConsoleLayout.button(caller, base + "/bundles/pending/" + p.sha256() + "/reject",
                            "Reject<span class=\"skip\"> " + label + "</span>", "reject-" + p.sha256(), "", "danger"))
                    .append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    static String uploadForm(Gate.Caller caller, String base) {
        return "<h2 id=\"upload-heading\">Upload a bundle or a new version</h2><form method=\"post\" action=\"" + base
                + "/bundles\" enctype=\"multipart/form-data\" aria-labelledby=\"upload-heading\">" + ConsoleLayout.csrf(caller)
                + "<label for=\"bundle\">Bundle jar (at most " + Uploads.LIMIT / (1024 * 1024) + " MB)</label>"
                + "<input type=\"file\" id=\"bundle\" name=\"bundle\" accept=\".jar,application/java-archive\">"
                + "<button type=\"submit\" id=\"upload\">Upload and deploy</button></form>";
    }

    /**
     * Handles {@code POST base/bundles}, {@code base/bundles/{sn}/rollback}, {@code .../withdraw} and
     * {@code base/bundles/pending/{sha256}/approve|reject}.
     */
    void post(Request request, Response response, Callback callback, Gate.Caller caller, String rest, String base)
            throws IOException {
        if (rest.equals("bundles")) {
            upload(request, response, callback, caller, base);
            return;
        }
        Map<String, String> form = Gate.checkedForm(request, response, callback, caller);
        if (form == null) {
            return;
        }
        String name = rest.substring("bundles/".length(), rest.lastIndexOf('/'));
        BundleDesk.Outcome o;
        if (name.startsWith("pending/")) {
            String sha = name.substring("pending/".length());
            o = rest.endsWith("/approve") ? desk.approve(caller, sha) : desk.reject(caller, sha, form.get("reason"));
        } else {
            o = rest.endsWith("/rollback") ? desk.rollback(caller, name)
                    : desk.withdraw(caller, name, "true".equals(form.get("withDependents")));
        }
        layout.note(caller, o.result().message(), o.result().ok());
        Exchange.redirect(response, callback, base);
    }

    private void upload(Request request, Response response, Callback callback, Gate.Caller caller, String base)
            throws IOException {
        Uploads.Form form = null;
        try {
            form = uploads.multipart(request, "bundle");
            if (!Gate.csrfOk(request, caller, form.fields().get(Gate.CSRF_FIELD))) {
                Gate.badCsrf(response, callback);
                return;
            }
            if (form.file() == null) {
                layout.note(caller, "Choose a bundle jar to upload.", false);
                Uploads.delete(form.file());
                Exchange.redirect(response, callback, base);
                return;
            }
            Path jar = form.file();
            form = null; // the jar is the verdict's to delete now
            desk.deploy(caller, jar).whenComplete((o, failure) -> {
                Uploads.delete(jar); // before the answer, so nothing is left behind once the page says the verdict
                layout.note(caller, failure != null ? "The deployer failed; the centre's log says why." : o.result().message(),
                        failure == null && (o.result().ok() || o.status() == 202));
                Exchange.redirect(response, callback, base);
            });
        } catch (Uploads.Refused e) {
            layout.note(caller, e.getMessage(), false);
            Exchange.redirect(response, callback, base);
        } finally {
            Uploads.delete(form == null ? null : form.file());
        }
    }
}
