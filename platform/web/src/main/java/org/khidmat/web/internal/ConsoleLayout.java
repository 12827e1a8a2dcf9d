package org.khidmat.web.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.khidmat.api.platform.Role;

/**
 * The frame of the staff consoles ({@code /admin}, {@code /agency}, {@code /counter}): English, a navigation by role, the logout
 * button (a POST with the CSRF token), and the one-time note left by the last action (POST-redirect-GET).
 */
final class ConsoleLayout {
    /** A note for the next page of a session: what the last action did. */
    record Note(String text, boolean ok) {
    }

    private final Map<String, Note> notes = new ConcurrentHashMap<>();

    void note(Gate.Caller caller, String text, boolean ok) {
        if (caller.session() != null) {
            notes.put(caller.session().id(), new Note(text, ok));
        }
    }

    String page(Gate.Caller caller, String title, String body) {
        Note n = caller.session() == null ? null : notes.remove(caller.session().id());
        StringBuilder nav = new StringBuilder();
        if (caller.is(Role.ADMIN)) {
            nav.append("<a href=\"/admin\">Bundles and services</a> &middot; <a href=\"/admin/accounts\">Staff accounts</a>")
                    .append(" &middot; <a href=\"/admin/audit\">Audit log</a> &middot; <a href=\"/admin/collections\">Collections</a>")
                    .append(" &middot; <a href=\"/admin/messages\">Messages</a>")
                    .append(" &middot; ");
        } else if (caller.is(Role.AGENCY)) {
            nav.append("<a href=\"/agency\">Our bundles</a> &middot; <a href=\"/agency/collections\">Collections</a> &middot; ");
        }
        if (!caller.is(Role.AGENCY)) {
            nav.append("<a href=\"/counter\">Counter</a> &middot; ");
        }
        nav.append("<a href=\"/agency/inbox\">Inbox</a>");
        return "<!doctype html>\n<html lang=\"en\" dir=\"ltr\">\n<head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + title
                + " - Khidmat console</title>\n<link rel=\"stylesheet\" href=\"" + Assets.CSS_PATH + "\"></head>\n"
                + "<body><a class=\"skip\" href=\"#main\">Skip to main content</a>\n<header><span>Khidmat console: <strong id=\"who\">"
                + Http.escape(caller.name()) + "</strong> (" + caller.account().role().name().toLowerCase()
                + (caller.account().agency() == null ? "" : ", " + Http.escape(caller.account().agency())) + ")</span>"
                + "<nav aria-label=\"Console\">" + nav + "<form method=\"post\" action=\"/logout\">" + csrf(caller)
                + "<button type=\"submit\" id=\"logout\">Log out</button></form></nav></header>\n"
                + "<div class=\"wrap wide\"><main id=\"main\">\n"
                + (n == null ? "" : "<div id=\"note\" role=\"status\" class=\"flash" + (n.ok() ? "" : " bad") + "\">"
                        + Http.escape(n.text()) + "</div>\n")
                + body + "\n</main></div></body></html>\n";
    }

    /** @return the hidden CSRF field every console form carries */
    static String csrf(Gate.Caller caller) {
        return caller.session() == null ? "" : "<input type=\"hidden\" name=\"" + Gate.CSRF_FIELD + "\" value=\""
                + Http.escape(caller.session().csrf()) + "\">";
    }

    /** A one-button form posting to {@code action}, with the CSRF field and optional extra fields (already HTML). */
    static String button(Gate.Caller caller, String action, String label, String id, String extra, String cssClass) {
        return "<form class=\"inline\" method=\"post\" action=\"" + Http.escape(action) + "\">" + csrf(caller) + extra
                + "<button type=\"submit\"" + (id == null ? "" : " id=\"" + Http.escape(id) + "\"")
                + (cssClass == null ? "" : " class=\"" + cssClass + "\"") + ">" + label + "</button></form>";
    }
}
