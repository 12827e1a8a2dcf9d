package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.hall.TokenStatus;
import org.khidmat.web.internal.page.CentreTime;
import org.khidmat.web.internal.page.Messages;

import java.util.ArrayList;
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

/** What the counter console ({@code counter.jte}, {@link CounterPages}) shows, from data read once per request. */
record CounterView(int number, boolean open, String serves, QueueToken current, String currentService, Waiting waiting,
        List<Choice> categories) {

    /** Today's waiting list ({@code waiting.jte}), also served alone for the page's script to refresh it. */
    record Waiting(List<Row> rows, long mine) {
    }

    record Row(long id, String number, boolean appointment, String service, String taken, boolean mine) {
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

    static CounterView of(Counter counter, List<QueueToken> today, List<CatalogueEntry> services, String lang, CentreTime time) {
        Map<String, CatalogueEntry> byId = byId(services);
        QueueToken now = current(today, counter.number()).orElse(null);
        List<Choice> categories = new ArrayList<>();
        for (String c : categories(services, counter)) {
            categories.add(new Choice(c, category(c, lang), counter.categories().contains(c)));
        }
        String serves = counter.categories().stream().map(c -> category(c, lang)).reduce((a, b) -> a + ", " + b).orElse("");
        return new CounterView(counter.number(), counter.open(), serves, now, now == null ? null : title(byId, now.serviceId(), lang),
                waiting(counter, today, services, lang, time), categories);
    }

    static Waiting waiting(Counter counter, List<QueueToken> today, List<CatalogueEntry> services, String lang, CentreTime time) {
        Map<String, CatalogueEntry> byId = byId(services);
        List<Row> rows = today.stream().filter(t -> QueueToken.WAITING.equals(t.state())).sorted(TokenStatus.CALL_ORDER)
                .map(t -> new Row(t.id(), t.number(), t.appointment() != null, title(byId, t.serviceId(), lang),
                        time.clock(t.takenAt()), counter.serves(t.category())))
                .toList();
        return new Waiting(rows, rows.stream().filter(Row::mine).count());
    }

    /** @return a category's name as plain text (the hall's words; English in a language they lack) */
    private static String category(String c, String lang) {
        return Messages.of(Messages.HALL, lang).getOr("cat." + c, c);
    }

    private static Map<String, CatalogueEntry> byId(List<CatalogueEntry> services) {
        Map<String, CatalogueEntry> byId = new HashMap<>();
        services.forEach(e -> byId.put(e.id(), e));
        return byId;
    }

    private static String title(Map<String, CatalogueEntry> byId, String serviceId, String lang) {
        CatalogueEntry e = byId.get(serviceId);
        return e == null ? serviceId : e.descriptor().title().in(lang);
    }
}
