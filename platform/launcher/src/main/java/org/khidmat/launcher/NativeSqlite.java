package org.khidmat.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * sqlite-jdbc unpacks its native library into the temporary folder at every start; unpacked once into
 * {@code data/native/} and named to it with its own {@code org.sqlite.lib.path} / {@code org.sqlite.lib.name}
 * properties, the store opens its database about a sixth of a second sooner. Anything unexpected leaves
 * sqlite-jdbc to do as it always does.
 */
final class NativeSqlite {
    private NativeSqlite() {
    }

    static void prepare(Path data) {
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        try {
            String folder = org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS();
            String name = System.mapLibraryName("sqlitejdbc");
            String resource = "/org/sqlite/native/" + folder + "/" + name;
            Path dir = data.resolve("native").resolve("sqlite-jdbc-" + org.sqlite.SQLiteJDBCLoader.getVersion()).resolve(folder);
            Path lib = dir.resolve(name);
            if (!Files.isRegularFile(lib)) {
                try (InputStream in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        return;
                    }
                    Files.createDirectories(dir);
                    Path partial = dir.resolve(name + ".partial");
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(partial, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException | LinkageError e) {
            // sqlite-jdbc unpacks it as it always does
        }
    }
}
