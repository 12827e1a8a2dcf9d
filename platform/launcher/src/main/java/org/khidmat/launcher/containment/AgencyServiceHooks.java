package org.khidmat.launcher.containment;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;

/**
 * What services an agency bundle finds and hears of: those registered by agency bundles, and the platform's
 * services whose every class is in the agency SPI (or is an OSGi logging service); never the platform's own
 * interfaces, Configuration Admin, SCR's runtime or the framework's services. Lookups made through an
 * agency's context include those SCR makes for the agency's components' references.
 */
public final class AgencyServiceHooks implements FindHook, EventListenerHook {
    /** OSGi services with no platform data that agency code may use. */
    static final Set<String> OSGI_SERVICES = Set.of("org.osgi.service.log.LoggerFactory", "org.osgi.service.log.LogService");

    private final AgencyBundles agencies;

    AgencyServiceHooks(AgencyBundles agencies) {
        this.agencies = agencies;
    }

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        if (AgencyBundles.isAgency(context)) {
            references.removeIf(ref -> !visibleToAgencies(ref));
        }
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        if (visibleToAgencies(event.getServiceReference())) {
            return;
        }
        listeners.keySet().removeIf(AgencyBundles::isAgency);
    }

    boolean visibleToAgencies(ServiceReference<?> ref) {
        if (AgencyBundles.isAgency(ref.getBundle())) {
            return true;
        }
        Object classes = ref.getProperty(Constants.OBJECTCLASS);
        if (!(classes instanceof String[] names) || names.length == 0) {
            return false;
        }
        for (String n : names) {
            if (!agencies.isSpiClass(n) && !OSGI_SERVICES.contains(n)) {
                return false;
            }
        }
        return true;
    }
}
