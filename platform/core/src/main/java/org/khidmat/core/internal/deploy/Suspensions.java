package org.khidmat.core.internal.deploy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.khidmat.api.store.AuditLog;
import org.khidmat.core.internal.catalogue.CatalogueService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bundles stopped because a library they import left deploy/: they stop serving and say why (the audit log, a
 * marker beside their jar, the state {@code SUSPENDED}), and come back as soon as a deploy brings a library they can
 * resolve against. Used on the deployer's thread only.
 */
final class Suspensions {
    private static final Logger LOG = LoggerFactory.getLogger(Suspensions.class);

    private final BundleContext context;
    private final Map<String, Installed> installed;
    private final BundleSteps steps;
    private final DeployFolder folder;
    private final CatalogueService catalogue;
    private final AuditLog audit;
    /** By symbolic name, with the reason. */
    private final Map<String, String> suspended = new ConcurrentHashMap<>();

    Suspensions(BundleContext context, Map<String, Installed> installed, BundleSteps steps, DeployFolder folder,
            CatalogueService catalogue, AuditLog audit) {
        this.context = context;
        this.installed = installed;
        this.steps = steps;
        this.folder = folder;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    boolean contains(String symbolicName) {
        return suspended.containsKey(symbolicName);
    }

    void forget(String symbolicName) {
        suspended.remove(symbolicName);
    }

    /** The dependents of a library that was withdrawn. */
    void suspend(List<String> dependents, Installed library) {
        for (String d : dependents) {
            Installed i = installed.get(d);
            if (i == null) {
                continue;
            }
            String why = "suspended: it imports packages of " + library.candidate().label()
                    + ", which was withdrawn; it serves again when that library is deployed again";
            suspended.put(d, why);
            folder.mark(i.sourceFile(), why);
            audit.append("system", "bundle.suspend", d, why);
            LOG.warn("{} {}", i.candidate().label(), why);
        }
    }

    /** After a deploy, brings back suspended bundles that can now resolve. */
    void resume() {
        for (String d : List.copyOf(suspended.keySet())) {
            Installed i = installed.get(d);
            Bundle b = i == null ? null : context.getBundle(i.bundleId());
            if (b == null) {
                suspended.remove(d);
                continue;
            }
            try {
                steps.startAndVerify(b, i.candidate());
                suspended.remove(d);
                folder.mark(i.sourceFile(), null);
                catalogue.admit(b, null);
                audit.append("system", "bundle.resume", d, i.candidate().version().toString());
                LOG.info("{} serves again: its library is back", i.candidate().label());
            } catch (Refusal r) {
                LOG.debug("{} stays suspended: {}", d, r.getMessage());
            }
        }
    }
}
