package org.khidmat.core.internal.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.store.AgencyOwners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which bundle owns which agency code: the first bundle that declared services of an agency owns it, and no
 * other bundle may declare services under that code; an agency with a certificate registered in
 * {@code conf/agencies/<code>.pem} is owned by that certificate, whatever the signing rule of the centre.
 * Kept in the database ({@link AgencyOwners}), so a claim made through any node holds on every node.
 */
final class AgencyClaims {
    private static final Logger LOG = LoggerFactory.getLogger(AgencyClaims.class);

    private final AgencyOwners owners;
    private final Path certificates;

    AgencyClaims(AgencyOwners owners, Path certificates) {
        this.owners = owners;
        this.certificates = certificates;
    }

    /** Refuses a bundle that declares services of an agency another bundle owns, or that its owner's bundle gives away. */
    void check(Candidate c) throws Refusal {
        Map<String, String> all = owners.all();
        for (String code : c.descriptors().stream().map(d -> d.agency().code()).distinct().toList()) {
            String owner = all.get(code);
            if (owner != null && !owner.equals(c.symbolicName())) {
                throw Refusal.of("refusal.agencyTaken", c.label(), code, name(c, code), owner);
            }
            if (Files.isReadable(certificates.resolve(code + ".pem"))) {
                new SignatureCheck(certificates).check(c.jar(), c);
            }
        }
        for (Map.Entry<String, String> e : all.entrySet()) {
            boolean declares = c.descriptors().stream().anyMatch(d -> d.agency().code().equals(e.getKey()));
            if (e.getValue().equals(c.symbolicName()) && !declares && !c.descriptors().isEmpty()) {
                throw Refusal.of("refusal.agencyChanged", c.label(), e.getKey());
            }
        }
    }

    /** Records the agencies of a bundle that was just committed as owned by it, unless a bundle owns one already. */
    void claim(Candidate c) {
        for (String code : c.descriptors().stream().map(ServiceDescriptor::agency).map(a -> a.code()).distinct().toList()) {
            try {
                String owner = owners.claim(code, c.symbolicName(), Instant.now());
                if (!owner.equals(c.symbolicName())) {
                    LOG.warn("{} was committed while another node gave agency {} to {}, which owns it from now",
                            c.label(), code, owner);
                }
            } catch (RuntimeException e) {
                LOG.error("{} is deployed but agency {} could not be claimed for it in the database: {}", c.label(), code,
                        e.getMessage());
            }
        }
    }

    /** @return the bundle that owns the agency, or {@code null} */
    String owner(String code) {
        return owners.owner(code).orElse(null);
    }

    private static String name(Candidate c, String code) {
        return c.descriptors().stream().filter(d -> d.agency().code().equals(code)).findFirst()
                .map(d -> ManifestSyntax.printable(d.agency().name().en())).orElse(code);
    }
}
