package org.khidmat.launcher.containment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.launcher.containment.platformfixture.Secret;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;

/**
 * The hooks in a real Felix: agency bundles (location {@code khidmat-deploy:...}) next to a platform bundle
 * that exports the SPI and a package of its own, each case beside the same bundle installed as the platform's.
 */
class EmbeddedFelixContainmentTest {
    private static final String PLATFORM_PKG = Secret.class.getPackageName();
    private static final String ALLOWED = "org.khidmat.api,org.osgi.framework,java.*";

    @TempDir
    Path dir;
    private Framework framework;

    @AfterEach
    void stop() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    @Test
    void anAgencyCannotImportRequireOrDynamicallyLoadAPlatformPackage() throws Exception {
        BundleContext system = start(true);
        platformBundle(system);
        assertUnresolvable(system.installBundle("khidmat-deploy:org.evil.imports",
                jar("org.evil.imports", Map.of("Import-Package", PLATFORM_PKG))));
        assertUnresolvable(system.installBundle("khidmat-deploy:org.evil.requires",
                jar("org.evil.requires", Map.of("Require-Bundle", "org.test.platform"))));
        Bundle dynamic = system.installBundle("khidmat-deploy:org.evil.dynamic",
                jar("org.evil.dynamic", Map.of("DynamicImport-Package", PLATFORM_PKG)));
        dynamic.start();
        assertThrows(ClassNotFoundException.class, () -> dynamic.loadClass(Secret.class.getName()));

        Bundle spi = system.installBundle("khidmat-deploy:org.good.spi", jar("org.good.spi",
                Map.of("Import-Package", "org.khidmat.api,org.osgi.framework")));
        spi.start();
        assertEquals(Bundle.ACTIVE, spi.getState(), "the agency SPI wires");

        // the same bundles installed as the platform's wire: it is the hook that refuses them
        Bundle control = system.installBundle("file:control-imports", jar("org.control.imports", Map.of("Import-Package", PLATFORM_PKG)));
        control.start();
        Bundle controlDynamic = system.installBundle("file:control-dynamic",
                jar("org.control.dynamic", Map.of("DynamicImport-Package", PLATFORM_PKG)));
        controlDynamic.start();
        assertEquals("platform only", controlDynamic.loadClass(Secret.class.getName()).getMethod("value").invoke(null));
    }

    @Test
    void anAgencyFindsAndHearsOnlyAgencyFacingServices() throws Exception {
        BundleContext system = start(true);
        Bundle platform = platformBundle(system);
        BundleContext platformContext = platform.getBundleContext();
        platformContext.registerService("org.khidmat.api.store.AuditLog", factory(), null);
        platformContext.registerService("org.khidmat.api.ServiceHandler", factory(), null);
        Bundle agency = system.installBundle("khidmat-deploy:org.evil.lookup", jar("org.evil.lookup", Map.of()));
        agency.start();
        BundleContext agencyContext = agency.getBundleContext();

        assertNull(agencyContext.getServiceReference("org.khidmat.api.store.AuditLog"));
        assertNull(agencyContext.getAllServiceReferences("org.khidmat.api.store.AuditLog", null));
        assertNotNull(agencyContext.getServiceReference("org.khidmat.api.ServiceHandler"));
        List<String> all = new ArrayList<>();
        for (ServiceReference<?> ref : agencyContext.getAllServiceReferences(null, null)) {
            all.addAll(Arrays.asList((String[]) ref.getProperty(Constants.OBJECTCLASS)));
        }
        assertEquals(List.of("org.khidmat.api.ServiceHandler"), all, "not even the framework's own services");
        assertNotNull(platformContext.getServiceReference("org.khidmat.api.store.AuditLog"), "the platform finds it");

        List<String> heard = new ArrayList<>();
        agencyContext.addServiceListener(e -> heard.add(((String[]) e.getServiceReference().getProperty(Constants.OBJECTCLASS))[0]));
        ServiceRegistration<?> accounts = platformContext.registerService("org.khidmat.api.platform.AccountBook", factory(), null);
        ServiceRegistration<?> handler = platformContext.registerService("org.khidmat.api.ServiceHandler", factory(), null);
        accounts.unregister();
        handler.unregister();
        assertEquals(List.of("org.khidmat.api.ServiceHandler", "org.khidmat.api.ServiceHandler"), heard, "registered and unregistering");
    }

    @Test
    void anAgencySeesOnlyItselfTheSystemBundleAndOtherAgencies() throws Exception {
        BundleContext system = start(true);
        Bundle platform = platformBundle(system);
        Bundle one = system.installBundle("khidmat-deploy:org.one", jar("org.one", Map.of()));
        Bundle two = system.installBundle("khidmat-deploy:org.two", jar("org.two", Map.of()));
        one.start();
        List<Long> seen = Arrays.stream(one.getBundleContext().getBundles()).map(Bundle::getBundleId).toList();
        assertEquals(List.of(0L, one.getBundleId(), two.getBundleId()), seen);
        assertNull(one.getBundleContext().getBundle(platform.getBundleId()));
        assertEquals(4, system.getBundles().length, "the system bundle sees all");
        List<String> heard = java.util.Collections.synchronizedList(new ArrayList<>());
        one.getBundleContext().addBundleListener(e -> heard.add(e.getBundle().getLocation() + " " + e.getType()));
        platform.stop();
        two.start();
        // bundle events reach a plain listener on the framework's event thread: wait (bounded) for both
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (heard.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(50); // and a little longer, so an event of the platform's bundle would have arrived too
        assertEquals(List.of("khidmat-deploy:org.two " + org.osgi.framework.BundleEvent.RESOLVED,
                "khidmat-deploy:org.two " + org.osgi.framework.BundleEvent.STARTED), List.copyOf(heard),
                "no event of the platform's bundle");
        // a limit of the specification: a lookup by location calls no find hook
        assertEquals(platform, one.getBundleContext().getBundle(platform.getLocation()));
    }

    @Test
    void hooksRegisteredAfterInitCoverAgencyBundlesRestoredFromTheCache() throws Exception {
        BundleContext system = start(false);
        platformBundle(system);
        Bundle cached = system.installBundle("khidmat-deploy:org.evil.cached", jar("org.evil.cached", Map.of("Import-Package", PLATFORM_PKG)));
        cached.start();
        assertEquals(Bundle.ACTIVE, cached.getState(), "without the hooks the agency bundle wires to the platform");
        framework.stop();
        framework.waitForStop(10_000);

        system = start(true, false);
        Bundle restored = system.getBundle("khidmat-deploy:org.evil.cached");
        assertNotNull(restored, "restored from the cache");
        assertTrue(restored.getState() != Bundle.ACTIVE, "state " + restored.getState());
        assertUnresolvable(restored);
    }

    private BundleContext start(boolean hooks) throws BundleException {
        return start(hooks, true);
    }

    private BundleContext start(boolean hooks, boolean clean) throws BundleException {
        Map<String, String> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, dir.resolve("cache").toString());
        if (clean) {
            p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        }
        framework = new FrameworkFactory().newFramework(p);
        framework.init();
        if (hooks) {
            Containment.register(framework.getBundleContext(), ALLOWED);
        }
        framework.start();
        return framework.getBundleContext();
    }

    private Bundle platformBundle(BundleContext system) throws Exception {
        Bundle b = system.getBundle("file:platform");
        if (b == null) {
            Map<String, String> headers = Map.of("Export-Package", "org.khidmat.api;version=1.1.0," + PLATFORM_PKG + ";version=1.0.0");
            b = system.installBundle("file:platform", jar("org.test.platform", headers, Secret.class));
        }
        b.start();
        return b;
    }

    private static void assertUnresolvable(Bundle b) {
        BundleException e = assertThrows(BundleException.class, b::start, b.getLocation());
        assertEquals(BundleException.RESOLVE_ERROR, e.getType(), e.getMessage());
    }

    private static ServiceFactory<Object> factory() {
        return new ServiceFactory<>() {
            @Override
            public Object getService(Bundle bundle, ServiceRegistration<Object> registration) {
                return new Object();
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<Object> registration, Object service) {
                // nothing held
            }
        };
    }

    private static InputStream jar(String bsn, Map<String, String> headers, Class<?>... classes) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", "1.0.0");
        headers.forEach(a::putValue);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, mf)) {
            for (Class<?> c : classes) {
                String path = c.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(path));
                try (InputStream in = c.getClassLoader().getResourceAsStream(path)) {
                    jar.write(in.readAllBytes());
                }
                jar.closeEntry();
            }
        }
        return new ByteArrayInputStream(out.toByteArray());
    }
}
