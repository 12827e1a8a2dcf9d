package org.khidmat.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.khidmat.api.AgencyBundle;
import org.khidmat.api.ServiceHandler;
import org.khidmat.api.descriptor.BundleDescriptors;
import org.khidmat.api.descriptor.ServiceDescriptor;

/**
 * Checks an agency bundle the way the centre checks it when it is deployed, without OSGi: the manifest,
 * the {@code Khidmat-Services} header, every descriptor through the centre's own {@link Descriptors#parse},
 * unique ids, and a {@link ServiceHandler} component for every {@code "handler": true} descriptor.
 *
 * <pre>{@code
 * @Test
 * void bundleIsValid() {
 *     AgencyBundleCheck.of(Path.of("target/classes")).assertValid();
 * }
 * }</pre>
 *
 * <p>Point it at {@code target/classes} in a unit test (bnd has written the manifest and the component
 * descriptions there by the {@code test} phase) or at the built jar.
 */
public final class AgencyBundleCheck {
    private final Path location;
    private String label = "";
    private final List<String> descriptorProblems = new ArrayList<>();
    private final List<String> bundleProblems = new ArrayList<>();
    private final Map<String, ServiceDescriptor> descriptors = new LinkedHashMap<>();
    private final List<HandlerComponent> handlers = new ArrayList<>();

    private AgencyBundleCheck(Path location) {
        this.location = location;
    }

    /**
     * Reads and checks a bundle.
     *
     * @param bundle a bundle jar, or a folder laid out like one (a build's {@code target/classes})
     * @return the result; never throws for a bad bundle, ask {@link #problems()} or {@link #assertValid()}
     * @throws UncheckedIOException when the bundle cannot be read at all
     */
    public static AgencyBundleCheck of(Path bundle) {
        AgencyBundleCheck check = new AgencyBundleCheck(bundle);
        try {
            check.run(BundleContent.of(bundle));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + bundle + ": " + e.getMessage(), e);
        }
        return check;
    }

    private void run(BundleContent bundle) throws IOException {
        Manifest manifest = bundle.manifest();
        if (manifest == null) {
            bundleProblems.add("the jar has no META-INF/MANIFEST.MF, so it is not an OSGi bundle"
                    + " (in a build folder: run the bnd-maven-plugin first, mvn process-classes)");
            return;
        }
        Attributes main = manifest.getMainAttributes();
        String bsn = main.getValue("Bundle-SymbolicName");
        if (bsn == null || bsn.isBlank()) {
            bundleProblems.add("the jar is not an OSGi bundle: its manifest has no Bundle-SymbolicName "
                    + "(build it with bnd-maven-plugin or maven-bundle-plugin)");
            return;
        }
        String version = main.getValue("Bundle-Version");
        label = "bundle " + bsn.split(";")[0].trim() + " " + (version == null ? "0.0.0" : version.trim());
        String header = main.getValue(AgencyBundle.SERVICES_HEADER);
        if (header == null) {
            bundleProblems.add(label + " has no " + AgencyBundle.SERVICES_HEADER + " header, so the centre deploys it"
                    + " but lists none of its services (write \"Khidmat-Services: services/\" in bnd.bnd)");
            return;
        }
        readDescriptors(bundle, header);
        checkAgency();
        String components = main.getValue("Service-Component");
        List<String> files = new ArrayList<>();
        if (components != null) {
            for (String f : components.split(",")) {
                String path = f.trim();
                if (path.contains("*")) { // OSGi allows a wildcard in the last segment: OSGI-INF/*.xml
                    java.util.regex.Pattern glob = java.util.regex.Pattern.compile(
                            java.util.regex.Pattern.quote(path).replace("*", "\\E[^/]*\\Q"));
                    bundle.entries().stream().filter(e -> glob.matcher(e).matches()).forEach(files::add);
                } else if (!path.isEmpty()) {
                    files.add(path);
                }
            }
        }
        handlers.addAll(HandlerComponent.read(bundle, files));
        checkHandlers();
    }

    /** Reads the header with the centre's own reader, so the rules and the messages are the centre's. */
    private void readDescriptors(BundleContent bundle, String header) throws IOException {
        BundleDescriptors.Reading reading = BundleDescriptors.read(header, new BundleDescriptors.Source() {
            @Override
            public InputStream open(String path) throws IOException {
                return bundle.open(path);
            }

            @Override
            public List<String> list(String folder) throws IOException {
                return bundle.jsonIn(folder);
            }
        });
        reading.descriptors().forEach(d -> descriptors.put(d.id(), d));
        descriptorProblems.addAll(reading.problems());
        // the deployer compiles every rule with the centre's rules service, and refuses the bundle in the same words
        for (ServiceDescriptor d : reading.descriptors()) {
            if (!d.rules().isEmpty()) {
                descriptorProblems.addAll(DescriptorRulesCheck.RULES.compile(d));
            }
        }
    }

    /** The centre would take several agencies in one bundle; the kit holds an agency to one code and one name. */
    private void checkAgency() {
        ServiceDescriptor first = null;
        for (ServiceDescriptor d : descriptors.values()) {
            if (first == null) {
                first = d;
            } else if (!first.agency().code().equals(d.agency().code())) {
                bundleProblems.add(d.source() + ": agency code '" + d.agency().code() + "' differs from '"
                        + first.agency().code() + "' in " + first.source() + "; one bundle serves one agency");
            } else if (!first.agency().name().equals(d.agency().name())) {
                bundleProblems.add(d.source() + ": agency name differs from the one in " + first.source()
                        + "; citizens would see two names for one agency");
            }
        }
    }

    private void checkHandlers() {
        for (ServiceDescriptor d : descriptors.values()) {
            boolean registered = handlers.stream().anyMatch(h -> h.serviceIds().contains(d.id()));
            if (d.handler() && !registered) {
                bundleProblems.add(label + " declares \"handler\": true for " + d.id() + " but registered no ServiceHandler with "
                        + ServiceHandler.SERVICE_ID + "=" + d.id() + " (no component in OSGI-INF provides "
                        + ServiceHandler.class.getName() + " with that property), so the centre refuses the deploy");
            }
        }
        for (HandlerComponent h : handlers) {
            if (h.serviceIds().isEmpty()) {
                bundleProblems.add("component " + h.name() + " provides a ServiceHandler without the property "
                        + ServiceHandler.SERVICE_ID + ", so the centre never calls it");
            }
            for (String id : h.serviceIds()) {
                ServiceDescriptor d = descriptors.get(id);
                if (d == null) {
                    bundleProblems.add("component " + h.name() + " handles " + id + " but the bundle declares no such"
                            + " service (ids: " + String.join(", ", descriptors.keySet()) + ")");
                } else if (!d.handler()) {
                    bundleProblems.add("component " + h.name() + " handles " + id + " but " + d.source()
                            + " lacks \"handler\": true, so the centre does not wait for the handler when it deploys");
                }
            }
        }
    }

    /** @return the bundle's label as the centre writes it, {@code bundle <symbolic name> <version>}, or "" before the manifest was read */
    public String label() {
        return label;
    }

    /**
     * @return every problem found, each in the words the centre would use: descriptor problems exactly as the
     *         centre lists them after "has invalid service descriptors: ", then bundle-level problems
     */
    public List<String> problems() {
        List<String> all = new ArrayList<>(descriptorProblems);
        all.addAll(bundleProblems);
        return List.copyOf(all);
    }

    /** @return the problems in the descriptors and the header only, as the centre lists them */
    public List<String> descriptorProblems() {
        return List.copyOf(descriptorProblems);
    }

    /** @return the valid descriptors, by id, in header order */
    public Map<String, ServiceDescriptor> descriptors() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(descriptors));
    }

    /** @return the ids the bundle declares, in header order */
    public List<String> serviceIds() {
        return List.copyOf(descriptors.keySet());
    }

    /**
     * @param id a service id
     * @return its descriptor, if the bundle declares it and it is valid
     */
    public Optional<ServiceDescriptor> descriptor(String id) {
        return Optional.ofNullable(descriptors.get(id));
    }

    /** @return the ServiceHandler components bnd described in OSGI-INF */
    public List<HandlerComponent> handlers() {
        return List.copyOf(handlers);
    }

    /**
     * Fails when the centre would refuse the bundle or the kit found a mistake.
     *
     * @return this check, for chaining
     * @throws AssertionError whose message is what the centre would write into {@code <jar>.failed}
     */
    public AgencyBundleCheck assertValid() {
        if (!descriptorProblems.isEmpty()) {
            throw new AssertionError(label + " has invalid service descriptors: " + String.join("; ", descriptorProblems)
                    + (bundleProblems.isEmpty() ? "" : "; " + String.join("; ", bundleProblems)));
        }
        if (!bundleProblems.isEmpty()) {
            throw new AssertionError(String.join("; ", bundleProblems));
        }
        return this;
    }

    @Override
    public String toString() {
        return label.isEmpty() ? location.toString() : label;
    }
}
