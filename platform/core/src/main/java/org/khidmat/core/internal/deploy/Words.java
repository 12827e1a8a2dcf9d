package org.khidmat.core.internal.deploy;

import org.khidmat.core.internal.words.CoreWords;

import org.khidmat.api.platform.DeployResult;
import org.osgi.framework.Bundle;

/** How the deployer says things: verdicts, durations, counts and bundle states. */
final class Words {
    private Words() {
    }

    static DeployResult result(boolean ok, Candidate c, String message, long t0) {
        return new DeployResult(ok, c.symbolicName(), c.version().toString(), c.serviceIds(), message, millis(t0));
    }

    static DeployResult notDeployed(String symbolicName, long t0) {
        return new DeployResult(false, symbolicName, null, java.util.List.of(), "no bundle " + symbolicName
                + " is deployed", millis(t0), DeployResult.Status.NOT_FOUND);
    }

    static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static String threads(int n) {
        return CoreWords.REFUSALS.en("deploy.threads", n);
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
