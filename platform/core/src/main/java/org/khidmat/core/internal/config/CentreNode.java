package org.khidmat.core.internal.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This node's name among the nodes that share one database: the holder of its leases and outbox claims. Set by
 * {@link CentreProfile} from {@code node} of {@code org.khidmat.centre} ({@code KHIDMAT_NODE}), by default the host
 * name and the HTTP port; until then (and in tests without the framework) the host name and the process id. Two nodes
 * must never share a name: each would take the other's leases for its own.
 */
public final class CentreNode {
    private static volatile String name = host() + "-" + ProcessHandle.current().pid();

    private CentreNode() {
    }

    /** @return this node's name */
    public static String get() {
        return name;
    }

    static void set(String configured, String port) {
        if (configured != null && !configured.isBlank()) {
            name = configured.strip();
        } else if (port != null && !port.isBlank()) {
            name = host() + ":" + port.strip();
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }
}
