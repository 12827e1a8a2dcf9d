package org.khidmat.web.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.khidmat.api.descriptor.Agency;
import org.khidmat.api.descriptor.DescriptorException;
import org.khidmat.api.descriptor.Descriptors;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.descriptor.Text;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.CatalogueEntry;

/**
 * A catalogue held in memory for web tests: services made from the test descriptor under other ids, agencies and
 * categories, with a stamp counted up on every change, as the platform's catalogue does. Counts its reads of the
 * list, so a test can see whether a request was answered from prepared bytes.
 */
public final class FakeCatalogue implements Catalogue {
    private static final ServiceDescriptor TEMPLATE;

    static {
        try (InputStream in = FakeCatalogue.class.getResourceAsStream("/descriptors/birth-certificate.json")) {
            TEMPLATE = Descriptors.parse(in, "services/birth-certificate.json");
        } catch (IOException | DescriptorException e) {
            throw new IllegalStateException("the test descriptor cannot be read", e);
        }
    }

    private volatile List<CatalogueEntry> entries = List.of();
    private final Map<String, Instant> changed = new HashMap<>();
    private volatile long stamp;
    public volatile int reads;

    /** Lists a service {@code agency.name} of the category, changed at the instant. */
    public synchronized FakeCatalogue add(String agency, String name, String category, Instant at) {
        ServiceDescriptor t = TEMPLATE;
        ServiceDescriptor d = new ServiceDescriptor(agency + "." + name, 1, new Agency(agency, new Text(agency.toUpperCase(),
                "ادارہ " + agency)), category, new Text("Title of " + name, "عنوان " + name), new Text("Summary of " + name,
                "خلاصہ " + name), t.eligibility(), t.documents(), t.fees(), t.form(), t.workflow(), false, t.source());
        List<CatalogueEntry> next = new ArrayList<>(entries);
        next.add(new CatalogueEntry(d, "org.khidmat.test." + agency, "1.0.0", true, null));
        next.sort((a, b) -> a.id().compareTo(b.id()));
        entries = List.copyOf(next);
        changed.put(d.id(), at);
        stamp++;
        return this;
    }

    /** Lists a service with its own titles and summary (English and Urdu). */
    public synchronized FakeCatalogue add(String id, String category, String titleEn, String titleUr, String summaryEn, String summaryUr) {
        ServiceDescriptor t = TEMPLATE;
        String agency = id.substring(0, id.indexOf('.'));
        ServiceDescriptor d = new ServiceDescriptor(id, 1, new Agency(agency, new Text(agency.toUpperCase(), "ادارہ " + agency)),
                category, new Text(titleEn, titleUr), new Text(summaryEn, summaryUr), t.eligibility(), t.documents(), t.fees(),
                t.form(), t.workflow(), false, t.source());
        List<CatalogueEntry> next = new ArrayList<>(entries);
        next.add(new CatalogueEntry(d, "org.khidmat.test." + agency, "1.0.0", true, null));
        entries = List.copyOf(next);
        stamp++;
        return this;
    }

    @Override
    public List<CatalogueEntry> services() {
        reads++;
        return entries;
    }

    @Override
    public Optional<CatalogueEntry> service(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    @Override
    public CatalogueEntry setEnabled(String id, boolean enabled, String reason, String actor) {
        throw new UnsupportedOperationException();
    }

    // no @Override: the same fake compiles against the API before version() and changedAt() were added
    public long version() {
        return stamp;
    }

    public synchronized Optional<Instant> changedAt(String id) {
        return Optional.ofNullable(changed.get(id));
    }
}
