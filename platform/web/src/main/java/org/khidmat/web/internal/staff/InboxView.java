package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.page.CentreTime;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.InboxCursor;

/**
 * What {@code inbox.jte} shows: the filters and one page of an agency's applications, each with its service's title,
 * its state's name and its fee's payment state in the page's language.
 */
record InboxView(String agencyName, boolean chooseAgency, List<Choice> agencies, List<Choice> services, List<Choice> states,
        List<Row> rows, String older) {

    /** One application; {@code payment} is {@code none}, {@code due}, {@code pending} or {@code paid}. */
    record Row(String reference, String service, String state, String payment, String cnic, String filed) {
    }

    static InboxView of(Catalogue catalogue, String lang, String agency, boolean chooseAgency, InboxQuery query,
            List<ApplicationRecord> list, CentreTime time) {
        Map<String, String> agencies = new TreeMap<>();
        Map<String, String> services = new TreeMap<>();
        Map<String, String> states = new TreeMap<>();
        Map<String, ServiceDescriptor> byId = new TreeMap<>();
        for (CatalogueEntry e : catalogue.services()) {
            ServiceDescriptor d = e.descriptor();
            agencies.put(d.agency().code(), d.agency().name().in(lang));
            if (d.agency().code().equals(agency)) {
                byId.put(e.id(), d);
                services.put(e.id(), d.title().in(lang));
                d.workflow().states().forEach(s -> states.putIfAbsent(s.id(), s.label().in(lang)));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (ApplicationRecord a : list) {
            Optional<ServiceDescriptor> d = Optional.ofNullable(byId.get(a.serviceId()));
            rows.add(new Row(a.reference(), d.map(x -> x.title().in(lang)).orElse(a.serviceId()),
                    d.flatMap(x -> x.workflow().state(a.status())).map(s -> s.label().in(lang)).orElse(a.status()),
                    a.paymentState() == null ? "none" : a.paymentState(), a.cnic(), time.when(a.createdAt())));
        }
        InboxCursor next = query.next(list);
        String older = next == null ? null : "/agency/inbox?" + String.join("&", "agency=" + enc(agency),
                "service=" + enc(query.service()), "status=" + enc(query.status()), "limit=" + query.limit(),
                InboxQuery.afterParameter(next));
        return new InboxView(agencies.getOrDefault(agency, agency), chooseAgency, choices(agencies, agency),
                choices(services, query.service()), choices(states, query.status()), rows, older);
    }

    private static List<Choice> choices(Map<String, String> values, String chosen) {
        List<Choice> out = new ArrayList<>();
        values.forEach((v, label) -> out.add(new Choice(v, label, v.equals(chosen))));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
