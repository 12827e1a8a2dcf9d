package org.khidmat.core.internal.deploy;

import java.nio.file.Path;

/**
 * The locations the deployer installs agency bundles at: one per archived jar ({@code khidmat-deploy:<bsn>/<jar>}),
 * so two versions of a bundle can stand side by side, and anything else in the framework is told from them.
 */
final class Locations {
    static final String PREFIX = "khidmat-deploy:";

    private Locations() {
    }

    /** The location a committed jar is installed at. */
    static String of(Candidate c, Path archived) {
        return PREFIX + c.symbolicName() + "/" + archived.getFileName();
    }

    /** @return whether the location is one the deployer gives agency bundles */
    static boolean isAgency(String location) {
        return location.startsWith(PREFIX);
    }

    /** The symbolic name in an agency bundle's location. */
    static String symbolicNameOf(String location) {
        String rest = location.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
