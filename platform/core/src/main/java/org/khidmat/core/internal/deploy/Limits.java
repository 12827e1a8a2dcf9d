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

    /**
     * The default limits, with the start time limit from the framework property
     * {@code khidmat.deploy.startTimeoutSeconds} when it is set (1 to 300 s).
     */
    static Limits from(String startTimeoutSeconds) {
        if (startTimeoutSeconds == null || startTimeoutSeconds.isBlank()) {
            return DEFAULT;
        }
        long s;
        try {
            s = Long.parseLong(startTimeoutSeconds.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("khidmat.deploy.startTimeoutSeconds must be a whole number of seconds, not '"
                    + startTimeoutSeconds + "'");
        }
        if (s < 1 || s > 300) {
            throw new IllegalArgumentException("khidmat.deploy.startTimeoutSeconds must be from 1 to 300, not " + s);
        }
        return new Limits(DEFAULT.maxJarBytes(), DEFAULT.maxEntries(), DEFAULT.maxUncompressedBytes(), Duration.ofSeconds(s),
                DEFAULT.verifyTimeout());
    }
}
