package org.khidmat.web.internal;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.DeployedBundle;

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

    static String uploadForm(Gate.Caller caller, String base) {
        return "<h2 id=\"upload-heading\">Upload a bundle or a new version</h2><form method=\"post\" action=\"" + base
                + "/bundles\" enctype=\"multipart/form-data\" aria-labelledby=\"upload-heading\">" + ConsoleLayout.csrf(caller)
                + "<label for=\"bundle\">Bundle jar (at most " + Uploads.LIMIT / (1024 * 1024) + " MB)</label>"
                + "<input type=\"file\" id=\"bundle\" name=\"bundle\" accept=\".jar,application/java-archive\">"
                + "<button type=\"submit\" id=\"upload\">Upload and deploy</button></form>";
    }

    /** Handles {@code POST base/bundles}, {@code base/bundles/{sn}/rollback} and {@code .../withdraw}. */
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
        BundleDesk.Outcome o = rest.endsWith("/rollback") ? desk.rollback(caller, name) : desk.withdraw(caller, name);
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
            } else {
                BundleDesk.Outcome o = desk.deploy(caller, form.file());
                Uploads.delete(form.file()); // before the answer, so nothing is left behind once the page says the verdict
                layout.note(caller, o.result().message(), o.result().ok());
            }
            Exchange.redirect(response, callback, base);
        } catch (Uploads.Refused e) {
            layout.note(caller, e.getMessage(), false);
            Exchange.redirect(response, callback, base);
        } finally {
            Uploads.delete(form == null ? null : form.file());
        }
    }
}
