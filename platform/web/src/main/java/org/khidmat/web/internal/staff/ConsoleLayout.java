package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.page.Brand;
import org.khidmat.web.internal.page.CentreTime;
import org.khidmat.web.internal.page.Languages;
import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.page.Site;
import org.khidmat.web.internal.page.Templates;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.Http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Role;

/**
 * The frame of the staff consoles ({@code layout.jte}): language and direction, the skip link, the header with the
 * navigation by role, the language switch and the logout button (a POST with the CSRF token), the one-time note left
 * by the last action (POST-redirect-GET) and the footer. Pages are jte templates compiled at build time
 * ({@code src/main/jte}), rendered here with HTML escaping by context.
 */
public final class ConsoleLayout {
    /** A note for the next page of a session: a word ({@link Messages}) with its values, or a sentence from the platform. */
    record Note(String key, Object[] values, String text, boolean ok) {
        String in(Messages m) {
            return key == null ? text : m.get(key, values);
        }
    }

    /** What the frame shows; {@code who}, {@code csrf} and the navigation are empty on the login page. */
    record Frame(Messages m, String title, String who, String role, String csrf, List<Link> nav, List<Link> languages,
            Shown note, String script, Brand brand, CentreTime time) {
    }

    /** A resolved note. */
    record Shown(String text, boolean ok) {
    }

    /** A link of the header; {@code lang} only for the language switch. */
    record Link(String href, String label, boolean current, String lang) {
    }

    private final Map<String, Note> notes = new ConcurrentHashMap<>();

    /** Leaves a note, a word of the messages files with its values, for the caller's next page. */
    void note(Gate.Caller caller, boolean ok, String key, Object... values) {
        if (caller.session() != null) {
            notes.put(caller.session().id(), new Note(key, values, null, ok));
        }
    }

    /** Leaves a sentence from the platform (a deployer's verdict, a refusal of core) as the next page's note. */
    void note(Gate.Caller caller, String text, boolean ok) {
        if (caller.session() != null) {
            notes.put(caller.session().id(), new Note(null, null, text, ok));
        }
    }

    /** @return the frame of a console page for the caller in the request's language; takes the session's note */
    Frame frame(Request request, Gate.Caller caller, String titleKey, Object... values) {
        Note n = caller == null || caller.session() == null ? null : notes.remove(caller.session().id());
        return frameWith(request, caller, n, titleKey, values);
    }

    private static Frame frameWith(Request request, Gate.Caller caller, Note n, String titleKey, Object... values) {
        Messages m = Messages.of(Messages.STAFF, Languages.of(request));
        String role = caller == null ? null : m.get("role." + caller.account().role().name().toLowerCase(java.util.Locale.ROOT))
                + (caller.account().agency() == null ? "" : ", " + caller.account().agency());
        return new Frame(m, m.get(titleKey, values), caller == null ? null : caller.name(), role,
                caller == null || caller.session() == null ? null : caller.session().csrf(), nav(request, caller, m),
                languages(request, m), n == null ? null : new Shown(n.in(m), n.ok()), null, Site.of(request).brand(),
                Site.of(request).time());
    }

    /** @return the same frame with a script of the site's own ({@code /assets/...}) */
    static Frame withScript(Frame f, String script) {
        return new Frame(f.m(), f.title(), f.who(), f.role(), f.csrf(), f.nav(), f.languages(), f.note(), script, f.brand(), f.time());
    }

    private static List<Link> nav(Request request, Gate.Caller caller, Messages m) {
        List<Link> out = new ArrayList<>();
        if (caller == null) {
            return out;
        }
        Map<String, String> links = new LinkedHashMap<>();
        if (caller.is(Role.ADMIN)) {
            links.put("/admin", "nav.bundles");
            links.put("/admin/accounts", "nav.accounts");
            links.put("/admin/audit", "nav.audit");
            links.put("/admin/collections", "nav.collections");
            links.put("/admin/messages", "nav.messages");
        } else if (caller.is(Role.AGENCY)) {
            links.put("/agency", "nav.ourBundles");
            links.put("/agency/collections", "nav.collections");
        }
        if (!caller.is(Role.AGENCY)) {
            links.put("/counter", "nav.counter");
        }
        links.put("/agency/inbox", "nav.inbox");
        String path = Request.getPathInContext(request);
        links.forEach((href, key) -> out.add(new Link(href, m.get(key), href.equals(path), null)));
        return out;
    }

    private static List<Link> languages(Request request, Messages m) {
        String here = Request.getPathInContext(request);
        String query = request.getHttpURI().getQuery();
        if (query != null) {
            // without its lang parameter, which would override the language just chosen
            String rest = query.replaceAll("(^|&)lang=[^&]*", "").replaceAll("^&", "");
            here = rest.isEmpty() ? here : here + "?" + rest;
        }
        String back = URLEncoder.encode(here, StandardCharsets.UTF_8);
        List<Link> out = new ArrayList<>();
        for (String l : Site.of(request).languages()) {
            if (!l.equals(m.lang())) {
                out.add(new Link("/lang?to=" + l + "&back=" + back, Languages.name(l), false, l));
            }
        }
        return out;
    }

    /** @return the page a template makes of the frame and the page's data */
    static String render(String template, Frame frame, Object view) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("frame", frame);
        if (view != null) {
            params.put("view", view);
        }
        return Templates.render("staff/" + template, params);
    }

    /** Answers with a page of the console. */
    static void send(Response response, Callback callback, int status, String template, Frame frame, Object view) {
        Http.html(response, callback, status, render(template, frame, view));
    }

    /** What {@code error.jte} says, in an element with the id. */
    record Problem(String id, String text) {
    }

    /** Answers a console request that went wrong with an HTML page in the console's frame, never with JSON. */
    void error(Request request, Response response, Callback callback, Gate.Caller caller, int status, String key,
            Object... values) {
        errorPage(request, response, callback, caller, status, key, values);
    }

    /** As {@link #error}, for those that have no layout (the session's note stays for the next page). */
    static void errorPage(Request request, Response response, Callback callback, Gate.Caller caller, int status, String key,
            Object... values) {
        int known = status == 403 || status == 404 || status == 405 || status == 413 ? status : 400;
        Frame f = frameWith(request, caller, null, "error.title." + known);
        send(response, callback, status, "error.jte", f, new Problem(status == 403 ? "forbidden" : "error-message",
                f.m().get(key, values)));
    }

    /** @return the hidden CSRF field every console form carries (for pages not yet made from templates) */
    static String csrf(Gate.Caller caller) {
        return caller.session() == null ? "" : "<input type=\"hidden\" name=\"" + Gate.CSRF_FIELD + "\" value=\""
                + Http.escape(caller.session().csrf()) + "\">";
    }
}
