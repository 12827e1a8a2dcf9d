package org.khidmat.core.internal.deploy;

import java.util.Map;
import java.util.jar.Attributes;
import java.util.regex.Pattern;
import org.osgi.framework.Version;

/**
 * Strict syntax of the manifest values that reach file names, logs and verdicts, checked before any file
 * work: OSGi's symbolic-name and version grammars, and no control characters in any main header.
 */
final class ManifestSyntax {
    /** Longest symbolic name taken: it becomes a folder name under data/deployer and a file name in deploy/. */
    static final int MAX_SYMBOLIC_NAME = 128;
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final Pattern VERSION = Pattern.compile("\\d{1,9}(\\.\\d{1,9}(\\.\\d{1,9}(\\.[A-Za-z0-9_-]{1,128})?)?)?");
    private static final int SHOWN = 80;

    private ManifestSyntax() {
    }

    /**
     * @param header the Bundle-SymbolicName header, directives and all
     * @return the symbolic name without directives
     */
    static String symbolicName(String header) throws Refusal {
        if (header == null || header.isBlank()) {
            throw Refusal.of("refusal.noSymbolicName");
        }
        String name = header.split(";", 2)[0].trim();
        if (!isSymbolicName(name)) {
            throw Refusal.of("refusal.badSymbolicName", printable(name), MAX_SYMBOLIC_NAME);
        }
        return name;
    }

    static boolean isSymbolicName(String name) {
        return name != null && name.length() <= MAX_SYMBOLIC_NAME && SYMBOLIC_NAME.matcher(name).matches();
    }

    /** @return the version, {@link Version#emptyVersion} when the header is absent */
    static Version version(String bsn, String header) throws Refusal {
        String v = header == null ? "" : header.trim();
        if (v.isEmpty()) {
            return Version.emptyVersion;
        }
        if (!VERSION.matcher(v).matches()) {
            throw Refusal.of("refusal.badVersion", bsn, printable(v));
        }
        try {
            return Version.parseVersion(v);
        } catch (IllegalArgumentException e) {
            throw Refusal.of("refusal.badVersion", bsn, printable(v));
        }
    }

    /** Refuses a manifest whose main headers hold a control character (a forged log line, a terminal escape). */
    static void noControlCharacters(Attributes main) throws Refusal {
        for (Map.Entry<Object, Object> e : main.entrySet()) {
            String value = String.valueOf(e.getValue());
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isISOControl(c) && c != '\t') {
                    throw Refusal.of("refusal.controlCharacter", printable(String.valueOf(e.getKey())), (int) c);
                }
            }
        }
    }

    /** Bundle data as it may be shown: control characters as '?', cut to a readable length. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), SHOWN + 3));
        for (int i = 0; i < text.length() && i < SHOWN; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return text.length() > SHOWN ? out.append("...").toString() : out.toString();
    }
}
