package org.khidmat.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agency's first ten minutes, as docs/agency-guide.md tells them: generate a plugin from the archetype,
 * build it with Maven (offline when this build is offline), and drop the jar into a running centre.
 *
 * <p>{@code mvn verify} installs nothing, so the test first installs what a generated project needs from the
 * local repository (the parent pom, org.khidmat.api, org.khidmat.testkit and the archetype itself) by running
 * {@code mvn install} on those modules of this source tree. That is the one step an agency outside the
 * project does not take: it gets those artifacts from the Khidmat releases instead.
 */
class ArchetypeIT {
    private static final Duration MAVEN_LIMIT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void aGeneratedPluginBuildsAndDeploysIntoARunningCentre() throws Exception {
        String khidmat = System.getProperty("khidmat.version", "0.1.0-SNAPSHOT");
        mvn(SamplePlugins.root(), "install", "-Dmaven.test.skip=true", "-Dbnd.baseline.skip=true",
                "-pl", "platform/api,platform/testkit,platform/archetype", "-am");

        Path work = Files.createDirectories(temp.resolve("work"));
        mvn(work, "org.apache.maven.plugins:maven-archetype-plugin:" + System.getProperty("khidmat.archetype.version", "3.3.1") + ":generate",
                "-DinteractiveMode=false", "-DarchetypeGroupId=org.khidmat", "-DarchetypeArtifactId=org.khidmat.archetype",
                "-DarchetypeVersion=" + khidmat, "-DagencyCode=cda", "-DagencyName=Capital Development Authority");
        Path project = work.resolve("org.khidmat.plugins.cda");
        assertFalse(Files.exists(project.resolve("src/main/java")), "descriptors only: rules first, no Java");
        String descriptor = Files.readString(project.resolve("src/main/resources/services/sample-certificate.json"));
        assertTrue(descriptor.contains("\"id\": \"cda.sample-certificate\"") && descriptor.contains("\"rules\""), descriptor);

        String build = mvn(project, "package"); // runs the generated tests: the test kit checks the bundle as the centre will
        assertTrue(build.contains("Tests run: 5, Failures: 0, Errors: 0"), "the generated tests ran:\n" + build);
        Path jar = project.resolve("target/org.khidmat.plugins.cda-1.0.0-SNAPSHOT.jar");
        assertTrue(Files.isRegularFile(jar), "built " + jar);

        try (Centre centre = Centre.install(temp.resolve("centre")).start()) {
            Path staged = Files.copy(jar, centre.home().resolve("cda.jar.part"));
            Files.move(staged, centre.deploy().resolve("cda.jar"));
            assertTrue(Centre.await(Duration.ofSeconds(30), () -> listed(centre).contains("cda.sample-certificate")
                    || Files.exists(centre.deploy().resolve("cda.jar.failed"))), "deployed or refused");
            assertFalse(Files.exists(centre.deploy().resolve("cda.jar.failed")), () -> read(centre.deploy().resolve("cda.jar.failed")));
            JsonNode service = JSON.readTree(centre.get("/api/v1/services/cda.sample-certificate").body());
            assertEquals("cda", service.get("agency").isTextual() ? service.get("agency").asText() : service.get("agency").get("code").asText());
            assertEquals("org.khidmat.plugins.cda", service.get("bundle").get("symbolicName").asText());
            assertEquals(SamplePlugins.serviceIds().size() + 1, listed(centre).size());
        }
    }

    private static List<String> listed(Centre centre) {
        try {
            List<String> ids = new ArrayList<>();
            JSON.readTree(centre.get("/api/v1/services").body()).forEach(s -> ids.add(s.get("id").asText()));
            return ids;
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Runs Maven in {@code dir} as this build runs (offline if it is, the same local repository); returns its output. */
    private String mvn(Path dir, String... args) throws IOException, InterruptedException {
        String home = System.getProperty("khidmat.mvn.home", "");
        Path exe = home.isEmpty() ? null : Path.of(home, "bin", "mvn");
        List<String> command = new ArrayList<>(List.of(exe != null && Files.isExecutable(exe) ? exe.toString() : "mvn", "-B"));
        if (System.getProperty("khidmat.mvn.offline", "").endsWith("true")) {
            command.add("-o");
        }
        String repo = System.getProperty("khidmat.mvn.repo", "");
        if (!repo.isEmpty()) {
            command.add("-Dmaven.repo.local=" + repo);
        }
        command.addAll(List.of(args));
        Path log = Files.createTempFile(temp, "mvn", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(MAVEN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + MAVEN_LIMIT + ":\n" + tail(log));
        }
        String output = Files.readString(log);
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " in " + dir + " failed:\n" + tail(log));
        }
        return output;
    }

    private static String tail(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 60), all.size()));
        }
    }
}
