package org.khidmat.distribution.containment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;
import org.khidmat.launcher.containment.AgencyBundles;

/**
 * The launcher's resolver hook and the deployer's check read one allowed-package list, the framework property
 * the launcher sets; the deployer's fallback for a framework without it must be the same list.
 */
class AllowListTest {
    @Test
    void theDeployersFallbackIsTheLaunchersList() throws Exception {
        Class<?> core = Class.forName("org.khidmat.core.internal.deploy.AgencyPackages");
        Field fallback = core.getDeclaredField("DEFAULT");
        fallback.setAccessible(true);
        assertEquals(AgencyBundles.DEFAULT_PACKAGES, fallback.get(null));
        Field property = core.getDeclaredField("PROPERTY");
        property.setAccessible(true);
        assertEquals(AgencyBundles.PACKAGES_PROPERTY, property.get(null));
    }
}
