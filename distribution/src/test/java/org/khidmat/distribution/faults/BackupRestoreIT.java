package org.khidmat.distribution.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;

/**
 * The restore drill, with the operator's commands: citizens file applications from four threads while
 * {@code bin/khidmat backup} copies the running centre; {@code status} tells it runs and names the backup;
 * {@code restore} is refused while it runs; the backup, restored into a fresh home with the audit key kept apart,
 * serves every application acknowledged before the backup began (by reference and CNIC) and {@code verify-audit}
 * says intact; a corrupted backup is refused with the data left as it was. Also: the request id of a filing is in
 * the answer's header, on its log line and in its audit entry, and no CNIC filed is in the log.
 */
class BackupRestoreIT {
    private static final String POLICE = "ictpolice.character-certificate";

    @TempDir
    Path temp;

    /** Runs {@code bin/khidmat ARGS} of a home as an operator would; returns the exit code and the output. */
    private static Run khidmat(Path home, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/khidmat").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("KHIDMAT_HOME", home.toString());
        long t0 = System.nanoTime();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        System.out.println("khidmat " + String.join(" ", args) + " -> " + p.exitValue() + " in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms\n" + out);
        return new Run(p.exitValue(), out);
    }

    record Run(int code, String out) {
    }

    private static List<String> untracked(Centre centre, List<Filer.Filed> applications) {
        return applications.parallelStream().map(f -> {
            HttpResponse<String> t = centre.send(HttpRequest.newBuilder(URI.create(centre.url("/api/v1/applications/track")))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"reference\":\"" + f.reference() + "\",\"cnic\":\"" + f.cnic() + "\"}")));
            return t.statusCode() == 200 && t.body().contains(f.reference()) ? null : f.reference() + " -> " + t.statusCode();
        }).filter(Objects::nonNull).toList();
    }

    private static String logs(Path home) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(home.resolve("logs"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    @Test
    void aBackupTakenUnderAStreamOfApplicationsRestoresIntoACentreThatServesThemAll() throws Exception {
        Path backup = temp.resolve("backups/khidmat-drill.db");
        List<Filer.Filed> before;
        List<Filer.Filed> all;
        Path home;
        String reference;
        try (FaultCentre fc = FaultCentre.start(temp)) {
            Centre centre = fc.centre();
            home = centre.home();
            Filer filer = Filer.start(centre, 4, List.of(POLICE), Kill9DurabilityIT::police, 2);
            assertTrue(Centre.await(Duration.ofSeconds(30), () -> filer.filed().size() >= 40), filer.summary());
            before = filer.filed();
            Run taken = khidmat(home, "backup", backup.toString());
            int duringBackup = filer.filed().size() - before.size();
            Thread.sleep(300);
            filer.close();
            all = filer.filed();
            System.out.printf("backup drill: %d acknowledged before the backup, %d while it ran, %d in all; %s%n",
                    before.size(), duringBackup, all.size(), filer.summary());
            assertEquals(0, taken.code(), taken.out());
            assertTrue(taken.out().contains("backup good") && taken.out().contains("audit key is not in the backup"),
                    taken.out());
            assertTrue(all.size() > before.size(), "applications were filed while and after the backup was taken");

            Run status = khidmat(home, "status");
            assertEquals(0, status.code(), status.out());
            assertTrue(status.out().contains("running=yes") && status.out().contains("ready=yes")
                    && status.out().contains("status=UP") && status.out().contains(backup.toString()), status.out());

            byte[] live = Files.readAllBytes(home.resolve("data/khidmat.db"));
            Run refused = khidmat(home, "restore", backup.toString());
            assertEquals(1, refused.code(), refused.out());
            assertTrue(refused.out().contains("a centre runs"), refused.out());
            assertEquals(200, centre.get("/health").statusCode(), "the running centre is untouched");
            assertTrue(Files.size(home.resolve("data/khidmat.db")) >= live.length);

            // the request id: in the answer's header and in the filing's audit entry; no CNIC in any log line
            String cnic = "6110199887766";
            HttpResponse<String> filed = centre.send(HttpRequest.newBuilder(URI.create(centre.url("/api/v1/applications")))
                    .header("Content-Type", "application/json").header("X-Request-Id", "drill-0001-abc")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"serviceId\":\"" + POLICE + "\",\"answers\":"
                            + Kill9DurabilityIT.police(cnic) + "}")));
            assertEquals(201, filed.statusCode(), filed.body());
            assertEquals("drill-0001-abc", filed.headers().firstValue("X-Request-Id").orElse(null));
            reference = filed.body().replaceAll(".*\"reference\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            String logs = logs(home);
            // a filing writes no line at INFO (its audit entry, checked below, is its record): only a warning or an
            // error of the request would carry the id into logs/
            assertTrue(logs.lines().noneMatch(l -> l.contains(reference) && l.contains(" INFO ")),
                    "no INFO line a filing: at thousands a second they pushed every warning out of the rotated logs");
            List<String> leaked = Stream.concat(all.stream().map(Filer.Filed::cnic), Stream.of(cnic))
                    .filter(logs::contains).toList();
            assertEquals(List.of(), leaked, "CNICs in logs/");
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("data/khidmat.db"));
                PreparedStatement q = c.prepareStatement(
                        "SELECT request_id FROM audit_log WHERE subject = ? AND action = 'application.submit'")) {
            q.setString(1, reference);
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), "the filing's audit entry");
                assertEquals("drill-0001-abc", r.getString(1), "the filing's audit entry holds its request id");
            }
        }

        Centre fresh = Centre.install(temp.resolve("fresh"));
        Run restored = khidmat(fresh.home(), "restore", backup.toString(), "--key",
                home.resolve("data/audit.key").toString());
        assertEquals(0, restored.code(), restored.out());
        List<String> lost;
        try {
            fresh.env("KHIDMAT_PUBLIC_POSTS_PER_MINUTE", "0").start();
            lost = untracked(fresh, before);
        } finally {
            fresh.stop();
        }
        Run audit = khidmat(fresh.home(), "verify-audit");
        assertAll("the restored centre",
                () -> assertEquals(List.of(), lost, "applications acknowledged before the backup began, not served"),
                () -> assertEquals(0, audit.code(), audit.out()),
                () -> assertTrue(audit.out().contains("verdict=intact"), audit.out()));

        Path corrupt = temp.resolve("backups/corrupt.db");
        Files.copy(backup, corrupt);
        try (RandomAccessFile f = new RandomAccessFile(corrupt.toFile(), "rw")) {
            f.seek(f.length() / 2);
            f.write(new byte[8192]);
        }
        byte[] data = Files.readAllBytes(fresh.home().resolve("data/khidmat.db"));
        Run bad = khidmat(fresh.home(), "restore", corrupt.toString());
        assertEquals(1, bad.code(), bad.out());
        assertTrue(bad.out().contains("not a good backup"), bad.out());
        assertArrayEquals(data, Files.readAllBytes(fresh.home().resolve("data/khidmat.db")), "the data is untouched");
        assertEquals(3, khidmat(fresh.home(), "status").code(), "a stopped centre: status 3");
    }
}
