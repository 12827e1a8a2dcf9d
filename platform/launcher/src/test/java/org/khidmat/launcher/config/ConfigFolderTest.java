package org.khidmat.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFolderTest {
    @TempDir
    Path conf;
    private final LogCapture logs = new LogCapture("test.config.folder." + System.nanoTime());
    private final FakeAdmin fake = new FakeAdmin();

    @Test
    void filesAndOverridesGoToConfigAdminOnceAndTheLaunchersOwnStaysOut() throws Exception {
        Files.writeString(conf.resolve("org.khidmat.centre.cfg.json"), "{\"name\": \"AKM Lahore\"}");
        Files.writeString(conf.resolve("org.khidmat.http.cfg.json"), "{\"port\": 9000}");
        ConfigFolder folder = ConfigFolder.read(conf, Map.of("KHIDMAT_REQUIRE_SIGNED", "true"), Map.of(), logs.log);
        folder.apply(fake.admin());
        assertEquals("AKM Lahore", fake.stored.get("org.khidmat.centre").get("name"));
        assertEquals("conf/org.khidmat.centre.cfg.json", fake.stored.get("org.khidmat.centre").get(ConfigFolder.SOURCE));
        assertEquals(true, fake.stored.get("org.khidmat.deploy").get("requireSigned"));
        assertNull(fake.stored.get("org.khidmat.http"), "Jetty's settings are the launcher's");
        assertEquals(9000, folder.value("org.khidmat.http", "port"));
        assertFalse(fake.stored.containsKey("org.khidmat.store"), "no file, no override: the component's defaults");

        ConfigFolder.read(conf, Map.of("KHIDMAT_REQUIRE_SIGNED", "true"), Map.of(), logs.log).apply(fake.admin());
        assertEquals(1, fake.writes.get("org.khidmat.centre"), "an unchanged configuration is not written again");
    }

    @Test
    void aDeletedFileDeletesItsConfiguration() throws Exception {
        Path file = conf.resolve("org.khidmat.centre.cfg.json");
        Files.writeString(file, "{\"name\": \"AKM Lahore\"}");
        ConfigFolder.read(conf, Map.of(), Map.of(), logs.log).apply(fake.admin());
        Files.delete(file);
        ConfigFolder.read(conf, Map.of(), Map.of(), logs.log).apply(fake.admin());
        assertFalse(fake.stored.containsKey("org.khidmat.centre"));
    }

    @Test
    void aChangedFileTakesLiveSettingsAtOnceAndKeepsTheOthersForTheNextStart() throws Exception {
        Path file = conf.resolve("org.khidmat.deploy.cfg.json");
        Files.writeString(file, "{\"startTimeoutSeconds\": 10}");
        Path web = conf.resolve("org.khidmat.web.cfg.json");
        Files.writeString(web, "{\"publicPostsPerMinute\": 120}");
        ConfigFolder folder = ConfigFolder.read(conf, Map.of(), Map.of(), logs.log);
        folder.apply(fake.admin());
        Files.writeString(file, "{\"startTimeoutSeconds\": 30}");
        Files.writeString(web, "{\"publicPostsPerMinute\": 5}");
        folder.changed("org.khidmat.deploy");
        folder.changed("org.khidmat.web");
        assertEquals(10, fake.stored.get("org.khidmat.deploy").get("startTimeoutSeconds"));
        assertTrue(logs.all().contains("WARNING conf/org.khidmat.deploy.cfg.json: startTimeoutSeconds changed to 30; it"
                + " takes effect at the next start"), logs.all());
        assertEquals(5, fake.stored.get("org.khidmat.web").get("publicPostsPerMinute"));
    }

    @Test
    void theWatchHandsOnAChangeOfTheFolder() throws Exception {
        Path file = conf.resolve("org.khidmat.centre.cfg.json");
        Files.writeString(file, "{\"name\": \"Before\"}");
        ConfigFolder folder = ConfigFolder.read(conf, Map.of(), Map.of(), logs.log);
        folder.apply(fake.admin());
        try (ConfigWatch watch = ConfigWatch.start(folder, logs.log)) {
            Path written = conf.resolve("next.tmp");
            Files.writeString(written, "{\"name\": \"After\"}");
            Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!"After".equals(fake.stored.get("org.khidmat.centre").get("name")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals("After", fake.stored.get("org.khidmat.centre").get("name"));
        }
    }
}
