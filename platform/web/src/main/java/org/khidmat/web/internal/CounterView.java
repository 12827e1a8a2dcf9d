package org.khidmat.web.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.Counter;
import org.khidmat.api.platform.QueueToken;

/** The HTML of the counter console ({@link CounterPages}), from data read once per request. */
final class CounterView {
    private CounterView() {
    }

    /** @return the token called to the counter and not finished yet, the latest if there are several */
    static Optional<QueueToken> current(List<QueueToken> today, int counter) {
        return today.stream().filter(t -> QueueToken.CALLED.equals(t.state()) && t.counter() == counter)
                .max(Comparator.comparing(QueueToken::calledAt));
    }

    /** @return the categories a counter may serve: those of the catalogue's services and those it serves already */
    static Set<String> categories(List<CatalogueEntry> services, Counter counter) {
        Set<String> all = new TreeSet<>(counter.categories());
        services.forEach(e -> all.add(e.descriptor().category()));
        return all;
    }

    static String chooser(Gate.Caller caller, List<Counter> counters, Optional<Counter> mine) {
        StringBuilder b = new StringBuilder("<h1>Choose your counter</h1><form method=\"post\" action=\"/counter/choose\">")
                .append(ConsoleLayout.csrf(caller)).append("<label for=\"counter\">Counter number</label><select id=\"counter\" name=\"counter\">");
        for (Counter c : counters) {
            b.append("<option value=\"").append(c.number()).append('"')
                    .append(mine.isPresent() && mine.get().number() == c.number() ? " selected" : "").append('>')
                    .append(c.number()).append(c.open() ? "" : " (closed)").append("</option>");
        }
        return b.append("</select><button type=\"submit\" id=\"choose-counter\">Use this counter</button></form>").toString();
    }

    static String console(Gate.Caller caller, Counter counter, List<QueueToken> today, List<CatalogueEntry> services) {
        Map<String, CatalogueEntry> byId = new HashMap<>();
        services.forEach(e -> byId.put(e.id(), e));
        Optional<QueueToken> current = current(today, counter.number());
        StringBuilder b = new StringBuilder("<h1>Counter <span id=\"counter-number\">").append(counter.number())
                .append("</span></h1><p id=\"counter-state\">").append(counter.open() ? "Open" : "Closed").append(", serves ")
                .append(counter.categories().isEmpty() ? "every category" : Http.escape(String.join(", ", counter.categories())))
                .append(" &middot; <a href=\"/counter/choose\" id=\"change-counter\">Change counter</a></p>")
                .append("<section aria-labelledby=\"now-title\"><h2 id=\"now-title\">Now serving</h2>");
        if (current.isPresent()) {
            QueueToken t = current.get();
            String base = "/counter/tokens/" + t.id() + "/";
            b.append("<p class=\"ref\" id=\"current-number\">").append(Http.escape(t.number())).append("</p><p id=\"current-service\">")
                    .append(title(byId, t.serviceId())).append(t.appointment() == null ? "" : " (appointment)").append("</p>");
            if (t.reference() != null) {
                b.append("<p>Application <a id=\"current-reference\" href=\"/agency/applications/").append(Http.escape(t.reference()))
                        .append("\">").append(Http.escape(t.reference())).append("</a></p>");
            }
            b.append("<p>").append(ConsoleLayout.button(caller, base + "served", "Served", "served", "", null)).append(' ')
                    .append(ConsoleLayout.button(caller, base + "no-show", "No-show", "no-show", "", "secondary"));
            if (t.reference() == null) {
                b.append(' ').append(ConsoleLayout.button(caller, base + "apply", "Start application", "start-application", "", null));
            }
            b.append("</p>");
        } else {
            b.append("<p id=\"nobody\">No token is called to this counter.</p>")
                    .append(ConsoleLayout.button(caller, "/counter/next", "Call next", "call-next", "", null));
        }
        b.append("</section>").append(waiting(today, counter, byId)).append(settings(caller, counter, categories(services, counter)));
        return b.toString();
    }

    private static String waiting(List<QueueToken> today, Counter counter, Map<String, CatalogueEntry> byId) {
        List<QueueToken> waiting = today.stream().filter(t -> QueueToken.WAITING.equals(t.state())).sorted(TokenStatus.CALL_ORDER)
                .toList();
        long mine = waiting.stream().filter(t -> counter.serves(t.category())).count();
        StringBuilder b = new StringBuilder("<section aria-labelledby=\"waiting-title\"><h2 id=\"waiting-title\">Waiting today</h2>")
                .append("<table id=\"waiting\"><caption>").append(waiting.size()).append(" waiting, ").append(mine)
                .append(" for this counter</caption><thead><tr><th scope=\"col\">Token</th><th scope=\"col\">Service</th>")
                .append("<th scope=\"col\">Taken</th><th scope=\"col\">For this counter</th></tr></thead><tbody>");
        for (QueueToken t : waiting) {
            b.append("<tr id=\"waiting-").append(t.id()).append("\"><td>").append(Http.escape(t.number()))
                    .append(t.appointment() == null ? "" : " (appointment)").append("</td><td>").append(title(byId, t.serviceId()))
                    .append("</td><td>").append(CentreTime.clock().format(t.takenAt())).append("</td><td>")
                    .append(counter.serves(t.category()) ? "yes" : "no").append("</td></tr>");
        }
        return b.append("</tbody></table></section>").toString();
    }

    private static String settings(Gate.Caller caller, Counter counter, Set<String> categories) {
        StringBuilder b = new StringBuilder("<section aria-labelledby=\"settings-title\"><h2 id=\"settings-title\">Counter settings</h2>")
                .append("<form method=\"post\" action=\"/counter/settings\">").append(ConsoleLayout.csrf(caller))
                .append("<fieldset><legend>State</legend><div class=\"choice\"><input type=\"radio\" name=\"state\" id=\"state-open\" value=\"open\"")
                .append(counter.open() ? " checked" : "").append("> <label for=\"state-open\">Open: calls tokens</label></div>")
                .append("<div class=\"choice\"><input type=\"radio\" name=\"state\" id=\"state-closed\" value=\"closed\"")
                .append(counter.open() ? "" : " checked").append("> <label for=\"state-closed\">Closed</label></div></fieldset>")
                .append("<fieldset><legend>Categories it serves (none ticked: every category)</legend>");
        for (String c : categories) {
            String id = "category-" + Http.escape(c);
            b.append("<div class=\"choice\"><input type=\"checkbox\" name=\"category.").append(Http.escape(c)).append("\" id=\"")
                    .append(id).append('"').append(counter.categories().contains(c) ? " checked" : "").append("> <label for=\"")
                    .append(id).append("\">").append(HallWords.category(c, "en")).append("</label></div>");
        }
        return b.append("</fieldset><button type=\"submit\" id=\"save-counter\">Save</button></form></section>").toString();
    }

    private static String title(Map<String, CatalogueEntry> byId, String serviceId) {
        CatalogueEntry e = byId.get(serviceId);
        return Http.escape(e == null ? serviceId : e.descriptor().title().en());
    }
}
