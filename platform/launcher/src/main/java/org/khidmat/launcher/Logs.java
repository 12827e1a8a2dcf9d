package org.khidmat.launcher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Logging: SLF4J with the JDK's own logging behind it (slf4j-jdk14), to the console and to
 * {@code logs/khidmat.N.log} (10 MB, 5 files). {@code conf/logging.properties}, if present, adjusts levels.
 */
final class Logs {
    private Logs() {
    }

    static void setUp(Path home) throws IOException {
        // the layout for a handler configured without LogLine (LogLine writes the same)
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$-7s %3$s: %5$s%6$s%n");
        Path conf = home.resolve("conf").resolve("logging.properties");
        String text = Files.isReadable(conf) ? Files.readString(conf, StandardCharsets.ISO_8859_1)
                : "handlers = java.util.logging.ConsoleHandler\n.level = INFO\n";
        Properties config = new Properties();
        config.load(new StringReader(text));
        // both handlers write with LogLine unless the configuration names a formatter of its own
        StringBuilder all = new StringBuilder(text).append('\n');
        for (String handler : List.of("java.util.logging.ConsoleHandler", "java.util.logging.FileHandler")) {
            if (config.getProperty(handler + ".formatter") == null) {
                all.append(handler).append(".formatter = ").append(LogLine.class.getName()).append('\n');
            }
        }
        LogManager.getLogManager().readConfiguration(
                new ByteArrayInputStream(all.toString().getBytes(StandardCharsets.ISO_8859_1)));
        Path logs = Files.createDirectories(home.resolve("logs"));
        FileHandler file = new FileHandler(logs.resolve("khidmat.%g.log").toString(), 10_000_000, 5, true);
        file.setLevel(Level.ALL);
        file.setEncoding("UTF-8");
        Logger.getLogger("").addHandler(file);
        Logger.getLogger("org.eclipse.jetty").setLevel(Level.WARNING);
    }
}
