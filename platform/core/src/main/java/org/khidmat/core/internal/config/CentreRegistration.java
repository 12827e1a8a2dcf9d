package org.khidmat.core.internal.config;

import org.khidmat.api.platform.Centre;
import org.khidmat.api.store.Centres;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the centre this node serves into the shared database's list of centres when the node starts (its id, names
 * and zone as configured), so the open figures can name every centre and a new centre gets its counters.
 */
@Component(immediate = true)
public final class CentreRegistration {
    private static final Logger LOG = LoggerFactory.getLogger(CentreRegistration.class);

    @Activate
    public CentreRegistration(@Reference Centre centre, @Reference Centres centres) {
        centres.register(centre.id(), centre.name(), centre.names(), centre.zone().getId());
        LOG.info("This node serves centre {} ({})", centre.id(), centre.name());
    }
}
