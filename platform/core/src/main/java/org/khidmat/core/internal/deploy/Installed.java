package org.khidmat.core.internal.deploy;

import java.nio.file.Path;
import java.time.Instant;

/**
 * An agency bundle as the deployer keeps it: the bundle, the checked jar it came from, a private copy of
 * that jar, the file in deploy/ that stands for it, and the version before (for a rollback).
 */
record Installed(long bundleId, Candidate candidate, Path archived, String sourceFile, String by, Instant at,
        Installed previous) {

    Installed withSource(String file) {
        return new Installed(bundleId, candidate, archived, file, by, at, previous);
    }
}
