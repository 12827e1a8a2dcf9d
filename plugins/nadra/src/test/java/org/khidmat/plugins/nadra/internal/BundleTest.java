package org.khidmat.plugins.nadra.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.khidmat.testkit.AgencyBundleCheck;

/** The bundle as the centre will check it: header, every descriptor through the centre's validator, handlers. */
class BundleTest {
    @Test
    void theCentreWouldAcceptThisBundle() {
        AgencyBundleCheck check = AgencyBundleCheck.of(Path.of("target/classes")).assertValid();
        assertEquals(SERVICES, check.serviceIds().size(), "services declared: " + check.serviceIds());
    }

    private static final int SERVICES = 6;
}
