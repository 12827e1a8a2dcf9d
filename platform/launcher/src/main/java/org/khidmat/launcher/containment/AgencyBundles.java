package org.khidmat.launcher.containment;

import java.util.Arrays;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Which bundles are agency bundles (installed by the deployer with a location starting with
 * {@value #LOCATION_PREFIX}), and the packages they may wire to on the platform's side.
 */
public final class AgencyBundles {
    /** The location prefix the deployer gives agency bundles (BundleDeployer.LOCATION_PREFIX in core). */
    public static final String LOCATION_PREFIX = "khidmat-deploy:";
    /** The framework property through which the deployer's deploy-time check reads the same list. */
    public static final String PACKAGES_PROPERTY = "khidmat.agency.packages";
    /**
     * What an agency bundle may import from the platform: the agency SPI, the OSGi API that DS components and
     * trackers need, SLF4J, Jackson's streaming core (a stateless library the sample notifier writes JSON with)
     * and the JDK; an entry ending in {@code .*} stands for a prefix. {@code org.khidmat.api.platform} and
     * {@code org.khidmat.api.store} are the platform's own and are not here.
     */
    public static final String DEFAULT_PACKAGES = "org.khidmat.api,org.khidmat.api.descriptor,org.khidmat.api.payment,"
            + "org.khidmat.api.notify,org.osgi.framework,org.osgi.service.component,"
            + "org.osgi.service.component.annotations,org.osgi.util.tracker,org.slf4j,com.fasterxml.jackson.core,java.*";
    /** Package prefix of the agency SPI: a service whose every class is in an allowed package under it is agency-facing. */
    static final String SPI_PREFIX = "org.khidmat.";

    private final List<String> packages;

    AgencyBundles(String packages) {
        this.packages = Arrays.stream(packages.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static boolean isAgency(Bundle bundle) {
        return bundle != null && bundle.getLocation().startsWith(LOCATION_PREFIX);
    }

    static boolean isAgency(BundleContext context) {
        try {
            return context != null && isAgency(context.getBundle());
        } catch (IllegalStateException e) {
            return false; // a context no longer valid looks up nothing
        }
    }

    /** Whether an agency bundle may import {@code pkg} from a platform bundle. */
    boolean allowsPackage(String pkg) {
        for (String p : packages) {
            if (p.endsWith(".*") ? pkg.startsWith(p.substring(0, p.length() - 1)) : p.equals(pkg)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a class of a platform-registered service is agency-facing: in an allowed package of the agency SPI. */
    boolean isSpiClass(String className) {
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? "" : className.substring(0, dot);
        return pkg.startsWith(SPI_PREFIX) && allowsPackage(pkg);
    }
}
