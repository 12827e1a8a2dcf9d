package org.khidmat.core.internal.deploy;

import java.time.Duration;

/**
 * What the deployer accepts and how long it waits.
 *
 * @param maxJarBytes largest jar
 * @param maxEntries most entries in a jar
 * @param maxUncompressedBytes most bytes a jar may expand to
 * @param startTimeout longest a bundle may take to start
 * @param verifyTimeout longest to wait for a bundle's declared handlers to register
 */
record Limits(long maxJarBytes, int maxEntries, long maxUncompressedBytes, Duration startTimeout,
        Duration verifyTimeout) {

    static final Limits DEFAULT = new Limits(50L << 20, 10_000, 200L << 20, Duration.ofSeconds(10), Duration.ofSeconds(5));
}
