package org.khidmat.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the centre lives and how it listens, from the environment ({@code KHIDMAT_HOME}, {@code KHIDMAT_PORT},
 * {@code KHIDMAT_HOST}) or the matching system properties ({@code khidmat.home}, ...), with the defaults
 * DESIGN.md promises.
 *
 * @param install the unpacked distribution (the folder above {@code lib/})
 * @param home the centre's home: {@code bundles/}, {@code deploy/}, {@code conf/}, {@code data/}, {@code logs/}
 * @param port the HTTP port
 * @param host the address to listen on, or empty for all
 */
record Settings(Path install, Path home, int port, String host) {

    static Settings from(Map<String, String> env, Path install) {
        String home = pick(env, "KHIDMAT_HOME", "khidmat.home", install.toString());
        String port = pick(env, "KHIDMAT_PORT", "khidmat.port", "8080");
        String host = pick(env, "KHIDMAT_HOST", "khidmat.host", "");
        int p;
        try {
            p = Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("KHIDMAT_PORT must be a port number, not '" + port + "'");
        }
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("KHIDMAT_PORT must be from 1 to 65535, not " + p);
        }
        return new Settings(install, Path.of(home).toAbsolutePath().normalize(), p, host.trim());
    }

    /**
     * @param port the port of {@code conf/org.khidmat.http.cfg.json} or {@code KHIDMAT_PORT}, or {@code null}
     * @param host the address of the same, or {@code null}
     * @return these settings listening there
     */
    Settings listening(Object port, Object host) {
        return new Settings(install, home, port instanceof Integer p ? p : this.port,
                host instanceof String h ? h.strip() : this.host);
    }

    private static String pick(Map<String, String> env, String variable, String property, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = env.get(variable);
        }
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Platform bundles: the home's own {@code bundles/}, or the distribution's when the home has none. */
    Path bundles() {
        Path own = home.resolve("bundles");
        return Files.isDirectory(own) ? own : install.resolve("bundles");
    }

    String url() {
        return "http://" + (host.isEmpty() || host.equals("0.0.0.0") ? "localhost" : host) + ":" + port + "/";
    }
}
