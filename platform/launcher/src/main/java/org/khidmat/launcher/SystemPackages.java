package org.khidmat.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * The packages the framework's system bundle exports to the bundles: the {@code Export-Package} headers of
 * the OSGi-ready jars on the launcher's class path (SLF4J, Jetty, Jackson, sqlite-jdbc), so their versions
 * are the ones the jars declare and never a list kept by hand.
 */
public final class SystemPackages {
    private static final Pattern USES = Pattern.compile(";\\s*uses:=\"[^\"]*\"");

    private SystemPackages() {
    }

    /** @return the value for {@code org.osgi.framework.system.packages.extra} */
    public static String exportedBy(List<Path> jars) throws IOException {
        List<String> exports = new ArrayList<>();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile(), false)) {
                String header = file.getManifest() == null ? null
                        : file.getManifest().getMainAttributes().getValue("Export-Package");
                if (header != null && !header.isBlank()) {
                    // uses: constraints are the bundles' business; on the system bundle they only narrow wiring
                    exports.add(USES.matcher(header).replaceAll(""));
                }
            }
        }
        return String.join(",", exports);
    }

    /** @return the jars of the launcher's class path */
    public static List<Path> classPath() {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                jars.add(Path.of(entry));
            }
        }
        return jars;
    }
}
