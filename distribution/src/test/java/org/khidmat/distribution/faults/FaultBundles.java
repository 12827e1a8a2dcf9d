package org.khidmat.distribution.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.khidmat.distribution.TestBundles;

/**
 * The fault suite's test bundles, built at test time: each is a valid agency bundle (a descriptor-only service of
 * agency {@code fault} unless said otherwise) with one fault added, its code copied from the classes compiled in
 * this module.
 */
final class FaultBundles {
    static final String AGENCY = "fault";

    private FaultBundles() {
    }

    /** A valid descriptor-only bundle serving {@code serviceId} for {@code agency}. */
    static TestBundles valid(String symbolicName, String version, String serviceId, String agency) {
        return TestBundles.bundle(symbolicName, version)
                .descriptor(serviceId.substring(serviceId.indexOf('.') + 1), TestBundles.descriptor(serviceId, agency, "Fault " + serviceId));
    }

    static TestBundles valid(String symbolicName, String serviceId) {
        return valid(symbolicName, "1.0.0", serviceId, AGENCY);
    }

    /** An activator whose start() never ends and ignores interrupts (it gives up after 60 s). */
    static byte[] hanging(String symbolicName, String serviceId) {
        return valid(symbolicName, serviceId).activator(HangingActivator.class).bytes();
    }

    /** An activator that starts one second later than the start limit and registers nothing. */
    static byte[] late(String symbolicName, String serviceId) {
        return valid(symbolicName, serviceId).activator(LateActivator.class).bytes();
    }

    /** A valid bundle that also exports the platform's own API package. */
    static byte[] exportsPlatformPackage(String symbolicName, String serviceId) {
        return valid(symbolicName, serviceId).header("Export-Package", "org.khidmat.api;version=9.0.0").bytes();
    }

    /** A library: no services, one exported package holding one resource. */
    static byte[] library(String symbolicName, String version, String pkg, String pkgVersion) {
        return TestBundles.bundle(symbolicName, version).header("Khidmat-Services", null)
                .header("Export-Package", pkg + ";version=" + pkgVersion)
                .entry(pkg.replace('.', '/') + "/about.txt", ("library " + symbolicName).getBytes(StandardCharsets.UTF_8))
                .bytes();
    }

    /** A valid agency bundle that imports {@code pkg} in [1,2). */
    static byte[] importing(String symbolicName, String serviceId, String pkg) {
        return valid(symbolicName, serviceId).header("Import-Package", pkg + ";version=\"[1.0,2)\"").bytes();
    }

    /** A DS component, declared by hand, immediate, whose activate() throws RuntimeException("boom"). */
    static byte[] boom(String symbolicName, String serviceId) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s" immediate="true" activate="activate">
                  <implementation class="%s"/>
                </scr:component>
                """.formatted(BoomComponent.NAME, BoomComponent.class.getName());
        return valid(symbolicName, serviceId).entry(classPath(BoomComponent.class), classBytes(BoomComponent.class))
                .entry("OSGI-INF/boom.xml", xml.getBytes(StandardCharsets.UTF_8))
                .header("Service-Component", "OSGI-INF/boom.xml").bytes();
    }

    /** An activator that leaves a non-daemon thread named leaky-worker running after stop(). */
    static byte[] leaky(String symbolicName, String serviceId) {
        return valid(symbolicName, serviceId).activator(LeakyThreadActivator.class).bytes();
    }

    /** A valid bundle whose one descriptor fails validation (a negative fee). */
    static byte[] badDescriptor(String symbolicName, String serviceId) {
        return TestBundles.bundle(symbolicName, "1.0.0").descriptor("svc", TestBundles.descriptor(serviceId, AGENCY,
                "Bad fee").replace("\"amount\": 100", "\"amount\": -5")).bytes();
    }

    /** A valid bundle with an entry whose path climbs out of the jar. */
    static byte[] unsafePath(String symbolicName, String serviceId) {
        return valid(symbolicName, serviceId).entry("../../escape.txt", new byte[] {1}).bytes();
    }

    static String classPath(Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }

    static byte[] classBytes(Class<?> type) {
        try (InputStream in = type.getClassLoader().getResourceAsStream(classPath(type))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
