package org.khidmat.launcher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Logging: SLF4J with the JDK's own logging behind it ({@link JulLogging}), to the console and to
 * {@code logs/khidmat.N.log}. {@code conf/logging.properties}, if present, adjusts levels. The layout is
 * {@link LogLine}'s, or one JSON object a line ({@link LogJson}) with {@code KHIDMAT_LOG_FORMAT=json}. The files
 * rotate by size: {@code KHIDMAT_LOG_FILE_MB} (default 10) a file, {@code KHIDMAT_LOG_FILES} (default 5) files, so
 * the logs never take more than their product (a record is never cut, so a file may pass its size by one record).
 *
 * @param json one JSON object a line instead of the text layout
 * @param fileBytes the size at which a log file is rotated
 * @param files how many files are kept
 */
record Logs(boolean json, int fileBytes, int files) {
    static final int DEFAULT_FILE_MB = 10;
    static final int DEFAULT_FILES = 5;

    static Logs from(Map<String, String> env) {
        String format = pick(env, "KHIDMAT_LOG_FORMAT", "khidmat.log.format", "text").trim();
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("KHIDMAT_LOG_FORMAT must be text or json, not '" + format + "'");
        }
        int mb = number(env, "KHIDMAT_LOG_FILE_MB", "khidmat.log.fileMb", DEFAULT_FILE_MB, 1, 1024);
        int files = number(env, "KHIDMAT_LOG_FILES", "khidmat.log.files", DEFAULT_FILES, 1, 100);
        return new Logs(format.equals("json"), mb * 1024 * 1024, files);
    }

    String formatter() {
        return (json ? LogJson.class : LogLine.class).getName();
    }

    void setUp(Path home) throws IOException {
        Path conf = home.resolve("conf").resolve("logging.properties");
        String text = Files.isReadable(conf) ? Files.readString(conf, StandardCharsets.ISO_8859_1)
                : "handlers = java.util.logging.ConsoleHandler\n.level = INFO\n";
        Properties config = new Properties();
        config.load(new StringReader(text));
        // both handlers write with the centre's layout unless the configuration names a formatter of its own
        StringBuilder all = new StringBuilder(text).append('\n');
        for (String handler : List.of("java.util.logging.ConsoleHandler", "java.util.logging.FileHandler")) {
            if (config.getProperty(handler + ".formatter") == null) {
                all.append(handler).append(".formatter = ").append(formatter()).append('\n');
            }
        }
        LogManager.getLogManager().readConfiguration(
                new ByteArrayInputStream(all.toString().getBytes(StandardCharsets.ISO_8859_1)));
        Path logs = Files.createDirectories(home.resolve("logs"));
        FileHandler file = new FileHandler(logs.resolve("khidmat.%g.log").toString(), fileBytes, files, true);
        file.setLevel(Level.ALL);
        file.setEncoding("UTF-8");
        Logger.getLogger("").addHandler(file);
        Logger.getLogger("org.eclipse.jetty").setLevel(Level.WARNING);
    }

    private static String pick(Map<String, String> env, String variable, String property, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = env.get(variable);
        }
        return v == null || v.isBlank() ? fallback : v;
    }

    private static int number(Map<String, String> env, String variable, String property, int fallback, int min, int max) {
        String v = pick(env, variable, property, Integer.toString(fallback)).trim();
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException(variable + " must be a whole number from " + min + " to " + max + ", not '"
                + v + "'");
    }
}
