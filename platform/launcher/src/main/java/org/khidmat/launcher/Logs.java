package org.khidmat.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Logging: SLF4J with the JDK's own logging behind it (slf4j-jdk14), to the console and to
 * {@code logs/khidmat.N.log} (10 MB, 5 files). {@code conf/logging.properties}, if present, adjusts levels.
 */
final class Logs {
    private Logs() {
    }

    static void setUp(Path home) throws IOException {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$-7s %3$s: %5$s%6$s%n");
        Path conf = home.resolve("conf").resolve("logging.properties");
        if (Files.isReadable(conf)) {
            try (var in = Files.newInputStream(conf)) {
                LogManager.getLogManager().readConfiguration(in);
            }
        }
        Path logs = Files.createDirectories(home.resolve("logs"));
        FileHandler file = new FileHandler(logs.resolve("khidmat.%g.log").toString(), 10_000_000, 5, true);
        file.setFormatter(new SimpleFormatter());
        file.setLevel(Level.ALL);
        file.setEncoding("UTF-8");
        Logger.getLogger("").addHandler(file);
        Logger.getLogger("org.eclipse.jetty").setLevel(Level.WARNING);
    }
}
