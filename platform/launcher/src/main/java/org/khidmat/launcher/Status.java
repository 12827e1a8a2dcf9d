package org.khidmat.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/khidmat status}: whether a centre runs from the home (the {@link RunLock}: pid and port), whether it
 * answers {@code /health} with UP, its version, its bundles, services and agencies, its database and its size ({@link DatabaseLine}) and its
 * last good backup; lines of {@code key=value}. Exit code for scripts: 0 running and ready, 1 running but not ready
 * (starting, or not answering), 3 not running (as an LSB init script's status), 2 could not tell.
 */
public final class Status {
    static final int READY = 0;
    static final int NOT_READY = 1;
    static final int CANNOT_TELL = 2;
    static final int NOT_RUNNING = 3;
    private static final Pattern HOLDER = Pattern.compile("pid=(\\d+) port=(\\d+)(?: host=(\\S+))?");

    private Status() {
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("khidmat.home", System.getenv().getOrDefault("KHIDMAT_HOME", ".")));
        if (args.length == 2 && args[0].equals("--home")) {
            home = Path.of(args[1]);
        }
        System.exit(run(home, System.out));
    }

    static int run(Path home, PrintStream out) {
        Path data = home.resolve("data");
        try {
            out.println("home=" + home.toAbsolutePath().normalize() + " version=" + version());
            out.println(DatabaseLine.of(home, System.getenv()));
            out.println(lastBackup(data));
            String holder = RunLock.holder(data);
            if (holder == null) {
                out.println("running=no");
                return NOT_RUNNING;
            }
            Matcher m = HOLDER.matcher(holder);
            if (!m.find()) {
                out.println("running=yes (" + holder + ") ready=unknown");
                return NOT_READY;
            }
            String health = health(m.group(3) == null ? "127.0.0.1" : m.group(3), Integer.parseInt(m.group(2)));
            StringBuilder line = new StringBuilder("running=yes pid=" + m.group(1) + " port=" + m.group(2));
            boolean up = false;
            if (health == null) {
                line.append(" ready=no (no answer from /health)");
            } else {
                Fields f = fields(health);
                up = f.up();
                String fields = f.text();
                line.append(" ready=").append(up ? "yes" : "no").append(fields);
            }
            out.println(line);
            return up ? READY : NOT_READY;
        } catch (IOException | RuntimeException e) {
            out.println("status unknown: " + e.getMessage());
            return CANNOT_TELL;
        }
    }

    /** What {@code /health} said, as {@code status=UP services=41 ... check.store=OK ...}, and whether it is UP. */
    record Fields(boolean up, String text) {
    }

    /** @return the top-level fields of a {@code /health} answer and each check's status, in the answer's order */
    static Fields fields(String health) {
        StringBuilder text = new StringBuilder();
        boolean up = false;
        try {
            com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(health);
            for (String name : java.util.List.of("status", "services", "agencies", "bundles")) {
                com.fasterxml.jackson.databind.JsonNode v = root.path(name);
                if (v.isValueNode()) {
                    text.append(' ').append(name).append('=').append(v.asText());
                }
            }
            up = "UP".equals(root.path("status").asText());
            root.path("checks").fields().forEachRemaining(c -> text.append(" check.").append(c.getKey()).append('=')
                    .append(c.getValue().path("status").asText("?")));
        } catch (java.io.IOException e) {
            text.append(" health=unreadable");
        }
        return new Fields(up, text.toString());
    }

    private static String health(String host, int port) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL("http", host, port, "/health").openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(5000);
            int code = c.getResponseCode();
            try (InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
                return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return null;
        }
    }

    private static String lastBackup(Path data) throws IOException {
        Path file = data.resolve("last-backup.properties");
        if (!Files.isRegularFile(file)) {
            return "lastBackup=none";
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return "lastBackup=" + p.getProperty("at") + " file=" + p.getProperty("file") + " applications="
                + p.getProperty("applications") + " lastAuditSeq=" + p.getProperty("lastAuditSeq");
    }

    /** The version of this distribution, from the launcher jar's name ({@code org.khidmat.launcher-V.jar}). */
    static String version() {
        try {
            String jar = Path.of(Status.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getFileName().toString();
            String prefix = "org.khidmat.launcher-";
            return jar.startsWith(prefix) && jar.endsWith(".jar")
                    ? jar.substring(prefix.length(), jar.length() - 4) : "unknown";
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }
}
