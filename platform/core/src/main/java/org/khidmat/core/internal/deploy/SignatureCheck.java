package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.khidmat.api.descriptor.ServiceDescriptor;

/**
 * Mandatory bundle signing: every entry of the jar must be signed, intact, by the certificate registered
 * for the agency whose services the bundle declares ({@code conf/agencies/<agency code>.pem}).
 */
final class SignatureCheck {
    private final Path certificates;

    /** @param certificates the folder of registered agency certificates, one PEM file per agency code */
    SignatureCheck(Path certificates) {
        this.certificates = certificates;
    }

    void check(Path jar, Candidate c) throws Refusal {
        String agency = agency(c);
        X509Certificate registered = registered(agency, c);
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            byte[] buffer = new byte[8192];
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                if (entry.isDirectory() || isSignatureFile(entry.getName())) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    while (in.read(buffer) >= 0) {
                        // reading to the end is what makes the JDK check the entry's digest
                    }
                }
                CodeSigner[] signers = entry.getCodeSigners();
                if (signers == null || signers.length == 0) {
                    throw Refusal.of("refusal.unsigned", c.label(), entry.getName(), agency);
                }
                if (!signedBy(signers, registered)) {
                    throw Refusal.of("refusal.signedByOther", c.label(), entry.getName(), names(signers), agency,
                            registered.getSubjectX500Principal().getName());
                }
            }
        } catch (SecurityException e) {
            throw Refusal.of(e, "refusal.changedAfterSigning", c.label(), e.getMessage());
        } catch (IOException e) {
            throw Refusal.of(e, "refusal.signatureUnreadable", c.label(), e.getMessage());
        }
    }

    private static String agency(Candidate c) throws Refusal {
        Set<String> agencies = new TreeSet<>();
        for (ServiceDescriptor d : c.descriptors()) {
            agencies.add(d.agency().code());
        }
        if (agencies.isEmpty()) {
            throw Refusal.of("refusal.noAgency", c.label());
        }
        if (agencies.size() > 1) {
            throw Refusal.of("refusal.severalAgencies", c.label(), agencies);
        }
        return agencies.iterator().next();
    }

    private X509Certificate registered(String agency, Candidate c) throws Refusal {
        Path pem = certificates.resolve(agency + ".pem");
        if (!Files.isReadable(pem)) {
            throw Refusal.of("refusal.noCertificate", c.label(), agency);
        }
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException | ClassCastException e) {
            throw Refusal.of(e, "refusal.certificateUnreadable", agency, e.getMessage());
        }
    }

    private static boolean signedBy(CodeSigner[] signers, X509Certificate registered) {
        for (CodeSigner s : signers) {
            java.util.List<? extends Certificate> path = s.getSignerCertPath().getCertificates();
            if (!path.isEmpty() && path.get(0).equals(registered)) {
                return true;
            }
        }
        return false;
    }

    private static String names(CodeSigner[] signers) {
        Set<String> out = new TreeSet<>();
        for (CodeSigner s : signers) {
            Certificate first = s.getSignerCertPath().getCertificates().get(0);
            out.add(first instanceof X509Certificate x ? x.getSubjectX500Principal().getName() : first.getType());
        }
        return String.join(" and ", out);
    }

    static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return upper.equals("META-INF/MANIFEST.MF") || upper.endsWith(".SF") || upper.endsWith(".RSA")
                || upper.endsWith(".DSA") || upper.endsWith(".EC") || upper.startsWith("META-INF/SIG-");
    }
}
