package org.khidmat.api.platform;

import java.util.List;

/**
 * The deployer's verdict on one step, in words an operator can act on.
 *
 * @param ok whether the step was carried out
 * @param symbolicName the bundle, or {@code null} when the jar could not even be read as a bundle
 * @param version the bundle version now in force ({@code null} after a withdrawal or a failed first deploy)
 * @param services the service ids the bundle now serves
 * @param message what happened, or why it was refused and what was kept
 * @param millis how long the step took
 */
public record DeployResult(boolean ok, String symbolicName, String version, List<String> services, String message,
        long millis) {
}
