package org.khidmat.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Says before anything starts whether the centre's port is already taken, so the operator hears it at once. */
final class PortCheck {
    private PortCheck() {
    }

    /** @return why the port cannot be used, or {@code null} when it is free */
    static String busy(Settings s) {
        InetSocketAddress address = s.host().isEmpty() ? new InetSocketAddress(s.port())
                : new InetSocketAddress(s.host(), s.port());
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(address);
            return null;
        } catch (IOException e) {
            return "cannot listen on " + (s.host().isEmpty() ? "port " + s.port() : s.host() + ":" + s.port()) + " ("
                    + e.getMessage() + "): is another centre running? Set KHIDMAT_PORT to a free port";
        }
    }
}
