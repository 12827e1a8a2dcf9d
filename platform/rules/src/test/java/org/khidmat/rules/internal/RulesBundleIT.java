package org.khidmat.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.Problem;
import org.khidmat.api.Submission;
import org.khidmat.api.descriptor.Descriptors;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.Rules;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The built bundle in Apache Felix with SCR, as the centre runs it: it resolves with its imports only (CEL and its
 * dependencies inside it), registers {@link Rules}, compiles and evaluates rules, and exports nothing.
 */
class RulesBundleIT {

    @Test
    void theBundleResolvesRegistersRulesAndEvaluatesThem(@TempDir Path cache) throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // SLF4J and Jackson come from the class path, as the launcher exports its own class path's packages; so does the
        // API here, so that this test and the bundle share its types (the centre installs it as a bundle)
        Path api;
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("it.bundles")))) {
            api = jars.filter(j -> j.getFileName().toString().startsWith("org.khidmat.api-")).findFirst().orElseThrow();
        }
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.slf4j;version=2.0.17,"
                + exportsOf("jackson-core", "jackson-databind", "jackson-annotations") + "," + exports(api));
        Felix felix = new Felix(new HashMap<>(config));
        felix.start();
        try {
            List<Bundle> bundles = new ArrayList<>();
            try (Stream<Path> jars = Files.list(Path.of(System.getProperty("it.bundles")))) {
                for (Path jar : jars.filter(j -> !j.equals(api)).sorted().toList()) {
                    bundles.add(felix.getBundleContext().installBundle(jar.toUri().toString()));
                }
            }
            Bundle rules = felix.getBundleContext().installBundle(Path.of(System.getProperty("rules.bundle")).toUri().toString());
            bundles.add(rules);
            for (Bundle b : bundles) {
                b.start();
            }
            assertEquals(Bundle.ACTIVE, rules.getState());
            assertEquals(null, rules.getHeaders().get(Constants.EXPORT_PACKAGE), "the bundle exports nothing");
            assertEquals(List.of(), rules.adapt(BundleWiring.class).getCapabilities(BundleRevision.PACKAGE_NAMESPACE),
                    "no package of the bundle (CEL, protobuf, Guava) can be wired to another bundle");
            assertEquals(List.of("org.khidmat.api", "org.khidmat.api.descriptor", "org.khidmat.api.platform", "org.slf4j"),
                    rules.adapt(BundleWiring.class).getRequiredWires(BundleRevision.PACKAGE_NAMESPACE).stream()
                            .map(w -> (String) w.getCapability().getAttributes().get(BundleRevision.PACKAGE_NAMESPACE))
                            .sorted().toList(), "it imports only the API and SLF4J");
            Class<?> cel = rules.loadClass("dev.cel.runtime.CelRuntime");
            assertEquals(rules.adapt(BundleWiring.class).getClassLoader(), cel.getClassLoader(), "CEL from inside the bundle");

            ServiceTracker<Rules, Rules> tracker = new ServiceTracker<>(felix.getBundleContext(), Rules.class, null);
            tracker.open();
            Rules service = tracker.waitForService(5000);
            assertNotNull(service, "the rules bundle registers a Rules service");
            ServiceReference<Rules> ref = tracker.getServiceReference();
            assertEquals(rules.getBundleId(), ref.getBundle().getBundleId());
            assertTrue(service.getClass().getClassLoader() != CelRules.class.getClassLoader(), "the bundle's own copy");
            assertTrue(rules.getRegisteredServices().length == 1, "one service");

            ServiceDescriptor d;
            try (InputStream in = RulesBundleIT.class.getResourceAsStream("/services/permit.json")) {
                d = Descriptors.parse(in, "services/permit.json");
            }
            assertEquals(List.of(), service.compile(d));
            List<Problem> found = service.check(d, d.rules(), Submission.of(d.id(), "normal",
                    Map.of("cnic", "6110112345671", "dateOfBirth", "2010-01-01", "weight", "31"), LocalDate.of(2026, 12, 2)));
            assertEquals(List.of("dateOfBirth", "weight"), found.stream().map(Problem::field).toList());
            tracker.close();
        } finally {
            felix.stop();
            felix.waitForStop(10_000);
        }
    }

    private static String exports(Path jar) throws Exception {
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Export-Package").replaceAll(";\\s*uses:=\"[^\"]*\"", "");
        }
    }

    /** @return the Export-Package headers of the named jars of the test class path, without uses: */
    private static String exportsOf(String... names) throws Exception {
        List<String> exports = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String file = Path.of(entry).getFileName().toString();
            for (String name : names) {
                if (file.startsWith(name + "-") && file.endsWith(".jar")) {
                    exports.add(exports(Path.of(entry)));
                }
            }
        }
        assertEquals(names.length, exports.size(), "each of " + List.of(names) + " on the test class path");
        return String.join(",", exports);
    }
}
