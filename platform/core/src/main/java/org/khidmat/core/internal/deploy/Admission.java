package org.khidmat.core.internal.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.khidmat.core.internal.words.CoreWords;
import org.khidmat.api.descriptor.DescriptorException;
import org.khidmat.api.descriptor.Descriptors;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.store.ApplicationStore;
import org.khidmat.api.platform.Rules;
import org.khidmat.core.internal.applications.RuleCompilation;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The checks a candidate passes before anything is installed: who may deploy it, and what it may claim. */
final class Admission {
    private final BundleContext context;
    private final ApplicationStore applications;
    private final ImportCheck imports;
    private final AgencyClaims claims;
    private final Supplier<Rules> rules;

    /** @param rules the rules service, or {@code null} while the centre runs without the rules bundle */
    Admission(BundleContext context, ApplicationStore applications, AgencyClaims claims, Supplier<Rules> rules) {
        this.context = context;
        this.applications = applications;
        this.imports = new ImportCheck(context);
        this.claims = claims;
        this.rules = rules;
    }

    /** An agency account deploys its own agency's bundles only, and replaces only its own. */
    static void ownAgency(Candidate c, Installed current, String agency) throws Refusal {
        String declared = c.agency();
        if (!agency.equals(declared)) {
            throw Refusal.of("refusal.notOwnAgency", c.label(), declared == null
                    ? CoreWords.REFUSALS.en("refusal.notOwnAgency.none") : CoreWords.REFUSALS.en("refusal.notOwnAgency.some", declared),
                    agency);
        }
        if (current != null && !agency.equals(current.candidate().agency())) {
            throw Refusal.of("refusal.otherAgencysBundle", c.symbolicName(),
                    current.candidate().agency(), agency);
        }
    }

    void check(Candidate c, Installed current, Collection<Installed> deployed) throws Refusal {
        List<String> agencies = c.descriptors().stream().map(d -> d.agency().code()).distinct().sorted().toList();
        if (agencies.size() > 1) {
            throw Refusal.of("refusal.severalAgencies", c.label(), agencies);
        }
        if (current == null) {
            for (Bundle b : context.getBundles()) {
                if (c.symbolicName().equals(b.getSymbolicName()) && !Locations.isAgency(b.getLocation())) {
                    throw Refusal.of("refusal.partOfCentre", c.symbolicName());
                }
            }
        } else if (c.version().compareTo(current.candidate().version()) < 0) {
            throw Refusal.of("refusal.older", c.label(), current.candidate().version());
        }
        for (String id : c.serviceIds()) {
            for (Installed other : deployed) {
                if (!other.candidate().symbolicName().equals(c.symbolicName()) && other.candidate().serviceIds().contains(id)) {
                    throw Refusal.of("refusal.serviceTaken", c.label(), id, other.candidate().label());
                }
            }
        }
        for (ServiceDescriptor d : c.descriptors()) {
            sameVersionSameContent(c, d);
        }
        List<String> badRules = RuleCompilation.problems(rules, c.descriptors());
        if (!badRules.isEmpty()) {
            throw Refusal.of("refusal.badDescriptors", c.label(), String.join("; ", badRules));
        }
        claims.check(c);
        Bundle replacing = current == null ? null : context.getBundle(current.bundleId());
        CentreView centre = CentreView.of(context, replacing);
        ExportCheck.check(c, centre);
        WiringPolicy.check(c, centre, AgencyPackages.from(context));
        imports.check(c, replacing);
    }

    /**
     * Applications keep the descriptor version they were filed under, so a changed descriptor must carry a
     * new version: otherwise the text kept for that version and the one served would differ.
     */
    private void sameVersionSameContent(Candidate c, ServiceDescriptor d) throws Refusal {
        String kept = applications.descriptor(d.id(), d.version()).orElse(null);
        if (kept == null) {
            return;
        }
        ServiceDescriptor before;
        try {
            before = Descriptors.parse(new ByteArrayInputStream(kept.getBytes(StandardCharsets.UTF_8)), d.source());
        } catch (DescriptorException | IOException e) {
            return; // kept under rules this centre no longer reads: nothing to compare against
        }
        if (!before.equals(d)) {
            throw Refusal.of("refusal.versionNotRaised", c.label(), d.id(), d.source(), d.version());
        }
    }
}
