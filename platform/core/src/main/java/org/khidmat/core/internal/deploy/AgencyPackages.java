package org.khidmat.core.internal.deploy;

import java.util.Arrays;
import java.util.List;
import org.osgi.framework.BundleContext;

/**
 * The packages an agency bundle may import from the platform: the agency SPI and the few OSGi and logging
 * packages it needs. The launcher's resolver hook enforces the same list, which it publishes as the framework
 * property {@value #PROPERTY}; this class reads it from there, so the hook and the deploy-time check agree.
 *
 * @param names package names; an entry ending in {@code .*} stands for every package under that prefix
 */
record AgencyPackages(List<String> names) {
    /** The framework property that holds the list, comma-separated, set by the launcher. */
    static final String PROPERTY = "khidmat.agency.packages";
    /** The list when no launcher set the property (unit tests, other launchers): the launcher's own default. */
    static final String DEFAULT = "org.khidmat.api,org.khidmat.api.descriptor,org.khidmat.api.payment,"
            + "org.khidmat.api.notify,org.osgi.framework,org.osgi.service.component,"
            + "org.osgi.service.component.annotations,org.osgi.util.tracker,org.slf4j,com.fasterxml.jackson.core,java.*";

    static AgencyPackages from(BundleContext context) {
        String value = context == null ? null : context.getProperty(PROPERTY);
        return parse(value == null || value.isBlank() ? DEFAULT : value);
    }

    static AgencyPackages parse(String value) {
        return new AgencyPackages(Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    boolean allows(String pkg) {
        for (String n : names) {
            if (n.endsWith(".*") ? pkg.startsWith(n.substring(0, n.length() - 1)) : n.equals(pkg)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return String.join(", ", names);
    }
}
