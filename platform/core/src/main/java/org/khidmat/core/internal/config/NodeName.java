package org.khidmat.core.internal.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * This node's name among the nodes that share one database ({@code node} of {@code org.khidmat.centre},
 * {@code KHIDMAT_NODE}); by default the host name and the port, which tells apart two nodes on one machine. It names
 * the node in the bundles' outcomes per node. A change of the centre's other settings leaves it (and whoever holds
 * it) in place.
 */
@Component(service = NodeName.class, configurationPid = CentreProfile.PID)
public final class NodeName {
    private final String fallback;
    private volatile String name;

    @Activate
    public NodeName(BundleContext context, CentreConfig config) {
        String port = context.getProperty("khidmat.port");
        this.fallback = host() + ":" + (port == null || port.isBlank() ? "8080" : port.strip());
        modified(config);
    }

    /** For tests: a fixed name. */
    public NodeName(String name) {
        this.fallback = name;
        this.name = name;
    }

    @Modified
    void modified(CentreConfig config) {
        String configured = config.node() == null ? "" : config.node().strip();
        name = configured.isEmpty() ? fallback : configured;
    }

    /** @return this node's name */
    public String get() {
        return name;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
