package org.khidmat.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/** {@link WiringPolicy} and {@link ExportCheck} against a centre described by hand. */
class WiringPolicyTest {
    private static final AgencyPackages ALLOWED = AgencyPackages.parse(AgencyPackages.DEFAULT);
    private static final CentreView CENTRE = new CentreView(List.of(
            export("org.khidmat.api", "1.1.0", "org.khidmat.api", false),
            export("org.khidmat.api.platform", "1.3.0", "org.khidmat.api", false),
            export("org.eclipse.jetty.server", "12.1.14", "org.apache.felix.framework", false),
            export("org.osgi.service.cm", "1.6.0", "org.apache.felix.configadmin", false),
            export("org.acme.shared", "1.0.0", "org.acme.lib", true)),
            Set.of("org.khidmat.api", "org.khidmat.core", "org.apache.felix.framework", "system.bundle"));

    @Test
    void theAgencySpiAndAgencyLibrariesPass() throws Exception {
        WiringPolicy.check(candidate("org.khidmat.api;version=\"[1.1,2)\",java.util,org.osgi.framework,org.acme.shared,"
                + "org.slf4j", null, null, null), CENTRE, ALLOWED);
    }

    @Test
    void thePlatformPackageIsRefusedWithTheList() {
        Refusal r = assertThrows(Refusal.class, () -> WiringPolicy.check(candidate(
                "org.khidmat.api,org.khidmat.api.platform;version=\"[1.3,2)\"", null, null, null), CENTRE, ALLOWED));
        assertEquals("bundle org.evil 1.0.0 imports org.khidmat.api.platform, which is the platform's own; agency bundles "
                + "may import only: " + ALLOWED + ", and packages of other agency bundles", r.getMessage());
    }

    @Test
    void packagesOnlyThePlatformProvidesAreRefusedEvenOptionalOrDynamic() {
        assertRefusedNaming("org.eclipse.jetty.server", candidate("org.eclipse.jetty.server;resolution:=optional", null, null, null));
        assertRefusedNaming("org.osgi.service.cm", candidate(null, "org.osgi.service.cm", null, null));
        assertRefusedNaming("org.khidmat.api.platform", candidate(null, "org.khidmat.api.platform", null, null));
    }

    @Test
    void requireBundleAndFragmentHostOfPlatformBundlesAreRefused() {
        Refusal r = assertThrows(Refusal.class, () -> WiringPolicy.check(candidate(null, null, "org.khidmat.core", null), CENTRE, ALLOWED));
        assertTrue(r.getMessage().startsWith("bundle org.evil 1.0.0 requires bundle org.khidmat.core, which is part of the platform"), r.getMessage());
        r = assertThrows(Refusal.class, () -> WiringPolicy.check(candidate(null, null, "system.bundle", null), CENTRE, ALLOWED));
        assertTrue(r.getMessage().contains("requires bundle system.bundle"), r.getMessage());
        r = assertThrows(Refusal.class, () -> WiringPolicy.check(candidate(null, null, null, "org.khidmat.core;bundle-version=0"), CENTRE, ALLOWED));
        assertTrue(r.getMessage().startsWith("bundle org.evil 1.0.0 is a fragment of org.khidmat.core"), r.getMessage());
    }

    @Test
    void exportsOfPlatformPackagesAreRefused() {
        for (String pkg : List.of("org.khidmat.api", "org.khidmat.whatever", "org.osgi.framework", "org.apache.felix.scr", "java.lang")) {
            Refusal r = assertThrows(Refusal.class, () -> ExportCheck.check(exporting(pkg + ";version=9.0.0", "org.evil"), CENTRE));
            assertTrue(r.getMessage().startsWith("bundle org.evil 1.0.0 exports " + pkg + ", a package of the platform"), r.getMessage());
        }
        Refusal r = assertThrows(Refusal.class, () -> ExportCheck.check(exporting("org.eclipse.jetty.server", "org.evil"), CENTRE));
        assertEquals("bundle org.evil 1.0.0 exports org.eclipse.jetty.server, which the platform's bundle "
                + "org.apache.felix.framework 1.0.0 provides; an agency bundle may export only packages of its own", r.getMessage());
    }

    @Test
    void anotherAgencysPackageAtAnotherVersionIsRefusedTheSameVersionOrTheOwnerPasses() throws Exception {
        Refusal r = assertThrows(Refusal.class, () -> ExportCheck.check(exporting("org.acme.shared;version=2.0.0", "org.evil"), CENTRE));
        assertEquals("bundle org.evil 1.0.0 exports org.acme.shared 2.0.0, but agency bundle org.acme.lib 1.0.0 exports it "
                + "at 1.0.0; export the same version or rename the package", r.getMessage());
        ExportCheck.check(exporting("org.acme.shared;version=1.0.0", "org.evil"), CENTRE);
        ExportCheck.check(exporting("org.acme.shared;version=2.0.0", "org.acme.lib"), CENTRE);
        ExportCheck.check(exporting("org.evil.own;version=1.0.0", "org.evil"), CENTRE);
    }

    private static void assertRefusedNaming(String pkg, Candidate c) {
        Refusal r = assertThrows(Refusal.class, () -> WiringPolicy.check(c, CENTRE, ALLOWED));
        assertTrue(r.getMessage().startsWith("bundle org.evil 1.0.0 imports " + pkg + ", which is the platform's own"), r.getMessage());
    }

    private static CentreView.Export export(String pkg, String version, String bundle, boolean agency) {
        return new CentreView.Export(pkg, Version.parseVersion(version), bundle, Version.parseVersion("1.0.0"), agency);
    }

    private static Candidate exporting(String exports, String bsn) {
        return new Candidate(Path.of("x.jar"), bsn, Version.parseVersion("1.0.0"), null, exports, List.of(), "00");
    }

    private static Candidate candidate(String imports, String dynamic, String requireBundle, String host) {
        return new Candidate(Path.of("x.jar"), "org.evil", Version.parseVersion("1.0.0"), imports, null, List.of(), "00",
                requireBundle, dynamic, host);
    }
}
