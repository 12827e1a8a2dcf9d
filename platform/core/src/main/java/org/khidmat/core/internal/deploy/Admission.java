package org.khidmat.core.internal.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
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
        String declared = BundleDeployer.agencyOf(c);
        if (!agency.equals(declared)) {
            throw new Refusal("bundle " + c.label() + " declares " + (declared == null ? "no services"
                    : "services of agency " + declared) + "; an account of agency " + agency
                    + " may deploy that agency's bundles only");
        }
        if (current != null && !agency.equals(BundleDeployer.agencyOf(current.candidate()))) {
            throw new Refusal("bundle " + c.symbolicName() + " is deployed for agency "
                    + BundleDeployer.agencyOf(current.candidate()) + "; an account of agency " + agency + " cannot replace it");
        }
    }

    void check(Candidate c, Installed current, Collection<Installed> deployed) throws Refusal {
        List<String> agencies = c.descriptors().stream().map(d -> d.agency().code()).distinct().sorted().toList();
        if (agencies.size() > 1) {
            throw new Refusal("bundle " + c.label() + " declares services of several agencies " + agencies
                    + "; an agency bundle serves its own agency only");
        }
        if (current == null) {
            for (Bundle b : context.getBundles()) {
                if (c.symbolicName().equals(b.getSymbolicName()) && !b.getLocation().startsWith(BundleDeployer.LOCATION_PREFIX)) {
                    throw new Refusal("bundle " + c.symbolicName() + " is part of the centre itself and cannot be "
                            + "deployed as an agency bundle");
                }
            }
        } else if (c.version().compareTo(current.candidate().version()) < 0) {
            throw new Refusal("bundle " + c.label() + " is older than the deployed " + current.candidate().version()
                    + "; to go back to an earlier version use rollback");
        }
        for (String id : c.serviceIds()) {
            for (Installed other : deployed) {
                if (!other.candidate().symbolicName().equals(c.symbolicName()) && other.candidate().serviceIds().contains(id)) {
                    throw new Refusal("bundle " + c.label() + " declares service " + id + ", which bundle "
                            + other.candidate().label() + " already serves; service ids must be unique");
                }
            }
        }
        for (ServiceDescriptor d : c.descriptors()) {
            sameVersionSameContent(c, d);
        }
        List<String> badRules = RuleCompilation.problems(rules, c.descriptors());
        if (!badRules.isEmpty()) {
            throw new Refusal("bundle " + c.label() + " has invalid service descriptors: " + String.join("; ", badRules));
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
            throw new Refusal("bundle " + c.label() + " changes service " + d.id() + " but its descriptor " + d.source()
                    + " still says \"version\": " + d.version() + "; raise the version so that applications filed under "
                    + d.version() + " keep the rules they were filed under");
        }
    }
}
