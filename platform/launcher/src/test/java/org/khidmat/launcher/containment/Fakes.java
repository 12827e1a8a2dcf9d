package org.khidmat.launcher.containment;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/** Framework objects that answer only what the hooks ask. */
final class Fakes {
    private Fakes() {
    }

    static Bundle bundle(long id, String location) {
        return proxy(Bundle.class, (name, args) -> switch (name) {
            case "getBundleId" -> id;
            case "getLocation" -> location;
            case "toString" -> location;
            case "hashCode" -> Long.hashCode(id);
            case "equals" -> args[0] instanceof Bundle b && b.getBundleId() == id;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    static Bundle agency(long id, String bsn) {
        return bundle(id, AgencyBundles.LOCATION_PREFIX + bsn);
    }

    static Bundle platform(long id, String bsn) {
        return bundle(id, "reference:file:bundles/" + bsn + ".jar");
    }

    static BundleContext context(Bundle bundle) {
        return proxy(BundleContext.class, (name, args) -> switch (name) {
            case "getBundle" -> bundle;
            case "hashCode" -> System.identityHashCode(bundle);
            case "equals" -> args[0] == bundle;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    static ServiceReference<?> service(Bundle by, String... classes) {
        return proxy(ServiceReference.class, (name, args) -> switch (name) {
            case "getBundle" -> by;
            case "getProperty" -> Constants.OBJECTCLASS.equals(args[0]) ? classes : null;
            case "toString" -> String.join(",", classes);
            default -> throw new UnsupportedOperationException(name);
        });
    }

    static BundleRevision revision(Bundle bundle) {
        return proxy(BundleRevision.class, (name, args) -> switch (name) {
            case "getBundle" -> bundle;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    static BundleRequirement requirement(Bundle by, String namespace) {
        BundleRevision revision = revision(by);
        return proxy(BundleRequirement.class, (name, args) -> switch (name) {
            case "getRevision" -> revision;
            case "getNamespace" -> namespace;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    static BundleCapability capability(Bundle by, String namespace, String value) {
        BundleRevision revision = revision(by);
        return proxy(BundleCapability.class, (name, args) -> switch (name) {
            case "getRevision" -> revision;
            case "getNamespace" -> namespace;
            case "getAttributes" -> Map.of(namespace, value);
            case "toString" -> namespace + "=" + value + " from " + by.getLocation();
            default -> throw new UnsupportedOperationException(name);
        });
    }

    static BundleCapability exported(Bundle by, String pkg) {
        return capability(by, PackageNamespace.PACKAGE_NAMESPACE, pkg);
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> answer.answer(m.getName(), args));
    }
}
