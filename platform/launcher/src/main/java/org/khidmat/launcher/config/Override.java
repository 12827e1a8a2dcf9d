package org.khidmat.launcher.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A setting given from outside the files: an environment variable the README names (or the system property of the
 * same setting, {@code -Dkhidmat...}, which beats it). An override beats the file, at start and at every change of
 * the file.
 *
 * @param setting the setting it gives
 * @param text the value as written
 * @param source the variable's or property's name, for the log
 */
record Override(Setting setting, String text, String source) {
    /** The system properties that named these settings before they were configuration; they still work. */
    private static final Map<String, String> PROPERTIES = Map.of(
            "KHIDMAT_PORT", "khidmat.port",
            "KHIDMAT_HOST", "khidmat.host",
            "KHIDMAT_BEHIND_PROXY", "khidmat.http.forwarded",
            "KHIDMAT_TRUSTED_PROXIES", "khidmat.http.trustedProxies",
            "KHIDMAT_PUBLIC_POSTS_PER_MINUTE", "khidmat.web.publicPostsPerMinute",
            "KHIDMAT_DEPLOY_START_TIMEOUT", "khidmat.deploy.startTimeoutSeconds",
            "KHIDMAT_REQUIRE_SIGNED", "khidmat.deploy.requireSigned");

    /**
     * @param env the environment
     * @param properties the system properties
     * @return the overrides that are set (not blank)
     */
    static List<Override> from(Map<String, String> env, Map<String, String> properties) {
        List<Override> out = new ArrayList<>();
        for (Setting s : SettingTable.ALL) {
            if (s.env().isEmpty()) {
                continue;
            }
            String property = PROPERTIES.get(s.env());
            String v = property == null ? null : properties.get(property);
            String source = property;
            if (v == null || v.isBlank()) {
                v = env.get(s.env());
                source = s.env();
            }
            if (v != null && !v.isBlank()) {
                out.add(new Override(s, v, source));
            }
        }
        return List.copyOf(out);
    }
}
