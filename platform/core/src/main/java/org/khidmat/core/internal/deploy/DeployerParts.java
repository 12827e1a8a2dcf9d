package org.khidmat.core.internal.deploy;

import java.nio.file.Path;
import java.util.Map;
import org.khidmat.api.store.AuditLog;
import org.khidmat.core.internal.catalogue.CatalogueService;
import org.osgi.framework.BundleContext;

/**
 * What the deployer's steps share: the framework, the catalogue, the audit log, the bundles committed on this node
 * (by symbolic name; written on the deployer's thread only) and where they are kept, on disk and in the bundle set.
 *
 * @param installed the bundles committed on this node, by symbolic name
 * @param archiveDir {@code data/deployer}: the archived jars, one folder per bundle
 * @param record where every accepted change is written for the other nodes, and this node's outcomes
 */
record DeployerParts(BundleContext context, AuditLog audit, CatalogueService catalogue, BundleSteps steps,
        DeployFolder folder, DeployState state, Map<String, Installed> installed, Path archiveDir, SetRecord record,
        Approvals approvals, DeployMeter meter) {

    /** Writes down what the node runs now, for the adoption at its next start. */
    void save() {
        state.save(installed);
    }
}
