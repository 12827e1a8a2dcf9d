package org.khidmat.web.internal.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.khidmat.api.descriptor.FeeTier;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.descriptor.Text;
import org.khidmat.api.platform.CatalogueEntry;

/** The JSON shapes of services: a short one for the list, a full one for a single service. */
public final class ServiceJson {
    private ServiceJson() {
    }

    public static Map<String, Object> summary(CatalogueEntry e) {
        ServiceDescriptor d = e.descriptor();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("agency", d.agency().code());
        m.put("agencyName", text(d.agency().name()));
        m.put("category", d.category());
        m.put("title", text(d.title()));
        m.put("summary", text(d.summary()));
        m.put("enabled", e.enabled());
        if (!e.enabled()) {
            DisabledReason why = DisabledReason.of(e.disabledReason());
            m.put("disabledReason", why == null ? null : why.en());
            if (why != null && why.ur() != null) {
                m.put("disabledReasonUr", why.ur());
            }
            if (why != null && why.until() != null) {
                m.put("expectedBack", why.until().toString());
            }
        }
        FeeTier lowest = d.lowestFee();
        m.put("feeFrom", lowest.amount());
        m.put("currency", "PKR");
        m.put("days", d.fees().stream().mapToInt(FeeTier::days).max().orElse(0));
        m.put("descriptorVersion", d.version());
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("symbolicName", e.symbolicName());
        bundle.put("version", e.bundleVersion());
        m.put("bundle", bundle);
        return m;
    }

    public static Map<String, Object> full(CatalogueEntry e) {
        ServiceDescriptor d = e.descriptor();
        Map<String, Object> m = summary(e);
        m.put("eligibility", d.eligibility() == null ? null : text(d.eligibility()));
        m.put("documents", d.documents().stream().map(ServiceJson::text).toList());
        m.put("fees", d.fees().stream().map(f -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("id", f.id());
            t.put("title", text(f.title()));
            t.put("amount", f.amount());
            t.put("days", f.days());
            return t;
        }).toList());
        m.put("form", d.form().stream().map(ServiceJson::field).toList());
        m.put("states", d.workflow().states().stream().map(s -> ordered("id", s.id(), "label", text(s.label()),
                "terminal", s.terminal())).toList());
        return m;
    }

    private static Map<String, Object> field(Field f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("type", f.type().jsonName());
        m.put("label", text(f.label()));
        if (f.hint() != null) {
            m.put("hint", text(f.hint()));
        }
        m.put("required", f.required());
        if (!f.options().isEmpty()) {
            m.put("options", f.options().stream().map(o -> ordered("value", o.value(), "label", text(o.label()))).toList());
        }
        m.put("page", f.page());
        return m;
    }

    /** A JSON object whose keys keep the order given: names, then values, alternating. */
    public static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    /** @return the text in every language it has: {@code en}, {@code ur}, then any others ({@code sd}, ...) */
    public static Map<String, String> text(Text t) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("en", t.en());
        m.put("ur", t.ur());
        t.others().forEach(m::put);
        return m;
    }

    public static List<Map<String, Object>> list(List<CatalogueEntry> entries) {
        return entries.stream().map(ServiceJson::summary).toList();
    }
}
