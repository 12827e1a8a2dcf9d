package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;

/**
 * The built centre keeps its data to its own user: after an application is filed (and its messages recorded), nothing
 * under {@code data/} or {@code logs/} has a group or other permission bit, also what an older centre left open; and
 * {@code bin/khidmat verify-audit} gives a verdict by its exit code, beside the running centre and after a rewrite.
 */
class OwnerOnlyDataIT {
    private static final Set<PosixFilePermission> OWNER = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    @TempDir
    static Path temp;

    private static List<String> open(Path folder) throws IOException {
        List<String> open = new ArrayList<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.toList()) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                if (!OWNER.containsAll(mode)) {
                    open.add(folder.relativize(p) + " " + PosixFilePermissions.toString(mode));
                }
            }
        }
        return open;
    }

    /** Runs {@code bin/khidmat args} against the centre's home; its output lines go to {@code output}. */
    static int khidmat(Centre centre, List<String> output, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(centre.home().resolve("bin/khidmat").toString()));
        command.addAll(List.of(args));
        Path said = Files.createTempFile(centre.home().getParent(), "khidmat", ".out");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(said.toFile());
        pb.environment().put("KHIDMAT_HOME", centre.home().toString());
        pb.environment().put("KHIDMAT_PORT", "1"); // a script without the subcommand would start a centre: it fails at once
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/khidmat " + args[0] + " did not end within 60 s");
        }
        output.clear();
        output.addAll(Files.readAllLines(said, StandardCharsets.UTF_8));
        Files.delete(said);
        return p.exitValue();
    }

    @Test
    void dataAndLogsAreOwnerOnlyAndVerifyAuditAnswersByExitCode() throws Exception {
        try (Centre centre = Centre.install(temp.resolve("centre"))) {
            Path data = Files.createDirectories(centre.home().resolve("data"));
            Path left = Files.writeString(data.resolve("left-by-an-older-centre.txt"), "6110112345671");
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(left, PosixFilePermissions.fromString("rw-r--r--"));
            centre.start();
            HttpResponse<String> filed = centre.send(HttpRequest.newBuilder(URI.create(centre.url("/api/v1/applications")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ApplicationApiIT.police("61101-1234567-1", "Ayesha Khan"))));
            assertEquals(201, filed.statusCode(), filed.body());
            Path sent = data.resolve("simnotify/sent.jsonl");
            assertTrue(Centre.await(Duration.ofSeconds(10), () -> Files.exists(sent)), "the message was recorded");
            assertTrue(Files.exists(data.resolve("khidmat.db-wal")), "the running centre's WAL is there to be checked");

            List<String> open = open(data);
            open.addAll(open(centre.home().resolve("logs")));
            assertEquals(List.of(), open, "group or other bits under data/ or logs/");
            assertTrue(Files.exists(data.resolve("audit.key")), "the audit key, checked above with the rest");

            assertEquals(401, Staff.anonymous(centre).login("admin", "a-wrong-password").statusCode(), "audited last");
            List<String> said = new ArrayList<>();
            assertEquals(0, khidmat(centre, said, "verify-audit"), "beside the running centre: " + said);
            assertTrue(said.get(0).startsWith("verdict=intact "), said.toString());
            Path export = temp.resolve("audit-export.jsonl");
            assertEquals(0, khidmat(centre, said, "export-audit", export.toString()), said.toString());
            long head = Files.readAllLines(export).size() - 1;
            assertTrue(head >= 2, "the export holds the entries so far");
            centre.stop();

            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("khidmat.db"));
                    Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER audit_log_no_delete");
                s.executeUpdate("DELETE FROM audit_log WHERE seq = " + head);
            }
            assertEquals(0, khidmat(centre, said, "verify-audit"), "the last entry (a failed login) cut off: the database alone cannot tell " + said);
            assertEquals(1, khidmat(centre, said, "verify-audit", "--export", export.toString()), said.toString());
            assertTrue(said.get(0).startsWith("verdict=broken ") && said.get(0).contains(" firstBroken=" + head + " "),
                    said.toString());
            assertEquals(List.of(), open(data), "still owner-only after the stop");
        }
    }
}
