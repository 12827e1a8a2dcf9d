package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.Uploads;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.DeployedBundle;
import org.khidmat.api.platform.PendingBundle;

/**
 * The actions of the bundle table and the upload form ({@code bundles.jte}, {@code upload.jte}), shared by {@code /admin}
 * and {@code /agency}: uploads, rollbacks and withdrawals go through {@link BundleDesk}, and the deployer's verdict is
 * the next page's note. A withdrawal is asked for first ({@code withdraw.jte}: what citizens will lose), then confirmed.
 */
public final class BundleForms {
    private final BundleDesk desk;
    private final Uploads uploads;
    private final ConsoleLayout layout;
    private final Catalogue catalogue;

    public BundleForms(BundleDesk desk, Uploads uploads, ConsoleLayout layout, Catalogue catalogue) {
        this.catalogue = catalogue;
        this.desk = desk;
        this.uploads = uploads;
        this.layout = layout;
    }

    /** @return the bundles the caller may see, for {@code bundles.jte} */
    List<DeployedBundle> visible(Gate.Caller caller) {
        return desk.visible(caller);
    }

    /** @return the jars with code waiting for a centre admin's approval, for {@code pending.jte} */
    List<PendingBundle> pending(Gate.Caller caller) {
        return desk.pending(caller);
    }

    /**
     * {@code GET base/bundles/{sn}/withdraw}: asks before withdrawing, naming the services citizens will lose.
     *
     * @return false when the caller may not see such a bundle
     */
    boolean confirmWithdraw(Request request, Response response, Callback callback, Gate.Caller caller, String symbolicName,
            String base) {
        Optional<DeployedBundle> d = desk.visible(caller).stream().filter(b -> b.symbolicName().equals(symbolicName)).findFirst();
        if (d.isEmpty()) {
            return false;
        }
        ConsoleLayout.Frame f = layout.frame(request, caller, "withdraw.title", symbolicName);
        List<String> services = d.get().services().stream()
                .map(id -> catalogue.service(id).map(e -> e.descriptor().title().in(f.m().lang()) + " (" + id + ")").orElse(id))
                .toList();
        ConsoleLayout.send(response, callback, 200, "withdraw.jte", f,
                new WithdrawView(symbolicName, d.get().version(), base, services));
        return true;
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
        Map<String, String> form = ConsoleGate.checkedForm(request, response, callback, caller);
        if (form == null) {
            return;
        }
        String name = rest.substring("bundles/".length(), rest.lastIndexOf('/'));
        BundleDesk.Outcome o;
        if (name.startsWith("pending/")) {
            String sha = name.substring("pending/".length());
            o = rest.endsWith("/approve") ? desk.approve(caller, sha) : desk.reject(caller, sha, form.get("reason"));
        } else {
            if (rest.endsWith("/withdraw") && !"yes".equals(form.get("confirm"))) {
                Exchange.redirect(response, callback, base + "/bundles/" + name + "/withdraw");
                return;
            }
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
                ConsoleGate.badCsrf(request, response, callback, caller);
                return;
            }
            if (form.file() == null) {
                layout.note(caller, false, "upload.choose");
                Uploads.delete(form.file());
                Exchange.redirect(response, callback, base);
                return;
            }
            Path jar = form.file();
            form = null; // the jar is the verdict's to delete now
            desk.deploy(caller, jar).whenComplete((o, failure) -> {
                Uploads.delete(jar); // before the answer, so nothing is left behind once the page says the verdict
                if (failure != null) {
                    layout.note(caller, false, "upload.failed");
                } else {
                    layout.note(caller, o.result().message(), o.result().ok() || o.status() == 202);
                }
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
