package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which bundle owns which agency code: the first bundle that declared services of an agency owns it, and no
 * other bundle may declare services under that code; an agency with a certificate registered in
 * {@code conf/agencies/<code>.pem} is owned by that certificate, whatever the signing rule of the centre.
 * Kept in {@code data/deployer/agencies.properties} ({@code <agency code>=<symbolic name>}), written atomically.
 */
final class AgencyClaims {
    private static final Logger LOG = LoggerFactory.getLogger(AgencyClaims.class);

    private final Path file;
    private final Path certificates;
    private final Map<String, String> owners = new TreeMap<>();

    AgencyClaims(Path folder, Path certificates) {
        this.file = folder.resolve("agencies.properties");
        this.certificates = certificates;
        load();
    }

    /** Refuses a bundle that declares services of an agency another bundle owns, or that its owner's bundle gives away. */
    synchronized void check(Candidate c) throws Refusal {
        for (String code : c.descriptors().stream().map(d -> d.agency().code()).distinct().toList()) {
            String owner = owners.get(code);
            if (owner != null && !owner.equals(c.symbolicName())) {
                throw Refusal.of("refusal.agencyTaken", c.label(), code, name(c, code), owner);
            }
            if (Files.isReadable(certificates.resolve(code + ".pem"))) {
                new SignatureCheck(certificates).check(c.jar(), c);
            }
        }
        for (Map.Entry<String, String> e : owners.entrySet()) {
            boolean declares = c.descriptors().stream().anyMatch(d -> d.agency().code().equals(e.getKey()));
            if (e.getValue().equals(c.symbolicName()) && !declares && !c.descriptors().isEmpty()) {
                throw Refusal.of("refusal.agencyChanged", c.label(), e.getKey());
            }
        }
    }

    /** Records the agencies of a bundle that was just committed as owned by it. */
    synchronized void claim(Candidate c) {
        boolean changed = false;
        for (ServiceDescriptor d : c.descriptors()) {
            changed |= owners.putIfAbsent(d.agency().code(), c.symbolicName()) == null;
        }
        if (changed) {
            save();
        }
    }

    /** @return the bundle that owns the agency, or {@code null} */
    synchronized String owner(String code) {
        return owners.get(code);
    }

    private static String name(Candidate c, String code) {
        return c.descriptors().stream().filter(d -> d.agency().code().equals(code)).findFirst()
                .map(d -> ManifestSyntax.printable(d.agency().name().en())).orElse(code);
    }

    private void load() {
        if (!Files.isReadable(file)) {
            return;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}; agencies are claimed afresh by the bundles deployed next", file, e.getMessage());
            return;
        }
        for (String code : p.stringPropertyNames()) {
            if (code.matches("[a-z][a-z0-9]{1,15}") && ManifestSyntax.isSymbolicName(p.getProperty(code))) {
                owners.put(code, p.getProperty(code));
            }
        }
    }

    private void save() {
        try {
            StateFiles.write(file, owners, "agency code = the bundle that owns it");
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}", file, e.getMessage());
        }
    }
}
