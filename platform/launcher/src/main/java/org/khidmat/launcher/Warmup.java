package org.khidmat.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpGenerator;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Runs, on a thread of its own while the main thread sets up the framework, the one-time work
 * of the class-path libraries that the bundles would otherwise do one after another on the framework's
 * start thread: Jetty's class initialisers (its MIME table asks the JDK for every available locale, a tenth
 * of a second), sqlite-jdbc's native library and date formats, Jackson's object mapper. The JVM runs each
 * class initialiser once; a bundle that reaches one still running waits for it instead of running it again.
 * Nothing here is kept or shared: a failure only means the bundles do the work themselves.
 */
final class Warmup {
    private Warmup() {
    }

    /** Starts the warm-up, which first prepares sqlite's native library in {@code data} (NativeSqlite). */
    static Thread start(Path data) {
        Thread t = new Thread(() -> run(data), "khidmat-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
        return t;
    }

    private static void run(Path data) {
        NativeSqlite.prepare(data);
        try {
            // in the order the bundles need them: the store opens the database, then the web starts Jetty
            SQLiteJDBCLoader.initialize();
            new SQLiteConfig();
            MimeTypes.isKnownLocale(java.util.Locale.ENGLISH);
            new HttpConfiguration();
            touch(Server.class, HttpParser.class, HttpGenerator.class);
            new ObjectMapper().readTree("{\"warm\":[1,\"up\"]}");
        } catch (Exception | LinkageError e) {
            // the bundles will do it themselves
        }
    }

    private static void touch(Class<?>... classes) throws ClassNotFoundException {
        for (Class<?> c : classes) {
            Class.forName(c.getName(), true, c.getClassLoader());
        }
    }
}
