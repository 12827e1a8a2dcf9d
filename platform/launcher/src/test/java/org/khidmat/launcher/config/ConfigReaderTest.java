package org.khidmat.launcher.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {
    @TempDir
    Path conf;
    private final LogCapture logs = new LogCapture("test.config.reader." + System.nanoTime());

    private Map<String, Object> read(String pid, String json, List<Override> overrides, Map<String, Object> before)
            throws Exception {
        Files.writeString(conf.resolve(pid + ".cfg.json"), json);
        return new ConfigReader(conf, overrides, logs.log).read(pid, before);
    }

    @Test
    void typedValuesOfEveryKind() throws Exception {
        Map<String, Object> v = read("org.khidmat.appointments", """
                { // comments are allowed
                  "opens": "08:30", "slotMinutes": 20, "days": ["mon", "Tuesday"],
                  "serviceCapacity": ["nadra.cnic-renewal=6"] }""", List.of(), Map.of());
        assertEquals("08:30", v.get("opens"));
        assertEquals(20, v.get("slotMinutes"));
        assertArrayEquals(new String[] { "MON", "TUE" }, (String[]) v.get("days"));
        assertArrayEquals(new String[] { "nadra.cnic-renewal=6" }, (String[]) v.get("serviceCapacity"));
        assertEquals("", logs.all());
    }

    @Test
    void aWrongTypeIsReportedWithFileKeyAndFixAndThePreviousValueKept() throws Exception {
        Map<String, Object> v = read("org.khidmat.appointments", "{\"slotMinutes\": \"thirty\", \"opens\": \"10:00\"}",
                List.of(), Map.of("slotMinutes", 45));
        assertEquals(45, v.get("slotMinutes"), "the value in force is kept");
        assertEquals("10:00", v.get("opens"), "the good values of the file are taken");
        String line = logs.all();
        assertTrue(line.contains("SEVERE conf/org.khidmat.appointments.cfg.json: \"slotMinutes\""), line);
        assertTrue(line.contains("write a whole number from 5 to 480"), line);
        assertTrue(line.contains("keeping 45 (the value in force)"), line);
    }

    @Test
    void outOfRangeWithoutAPreviousValueFallsToTheDefault() throws Exception {
        Map<String, Object> v = read("org.khidmat.centre", "{\"zone\": \"Mars/Olympus\", \"colour\": \"green\"}",
                List.of(), Map.of());
        assertFalse(v.containsKey("zone"));
        assertFalse(v.containsKey("colour"));
        assertTrue(logs.all().contains("\"zone\": \"Mars/Olympus\" is not valid: write a time zone in quotes like"
                + " \"Asia/Karachi\"; keeping Asia/Karachi (the default)"), logs.all());
    }

    @Test
    void anUnknownKeyIsWarnedAboutAndLeftOut() throws Exception {
        Map<String, Object> v = read("org.khidmat.web", "{\"publicPostsPerMinut\": 60}", List.of(), Map.of());
        assertTrue(v.isEmpty());
        assertTrue(logs.all().contains("WARNING conf/org.khidmat.web.cfg.json: unknown key \"publicPostsPerMinut\""
                + " is ignored; the keys of org.khidmat.web are [publicPostsPerMinute]"), logs.all());
    }

    @Test
    void aFileThatIsNotJsonKeepsEveryValueInForce() throws Exception {
        Map<String, Object> v = read("org.khidmat.centre", "{\"name\": \"AKM\",", List.of(), Map.of("name", "Before"));
        assertEquals(Map.of("name", "Before"), v);
        assertTrue(logs.all().contains("conf/org.khidmat.centre.cfg.json is not valid JSON"), logs.all());
    }

    @Test
    void theEnvironmentBeatsTheFile() throws Exception {
        List<Override> env = Override.from(Map.of("KHIDMAT_PUBLIC_POSTS_PER_MINUTE", "7",
                "KHIDMAT_TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.2"), Map.of());
        assertEquals(7, read("org.khidmat.web", "{\"publicPostsPerMinute\": 60}", env, Map.of())
                .get("publicPostsPerMinute"));
        assertArrayEquals(new String[] { "10.0.0.0/8", "192.168.1.2" },
                (String[]) new ConfigReader(conf, env, logs.log).read("org.khidmat.http", Map.of()).get("trustedProxies"));
    }

    @Test
    void khidmatCentreNamesTheCentreAndAnIdThatIsNoCodeIsRefused() throws Exception {
        List<Override> env = Override.from(Map.of("KHIDMAT_CENTRE", "lhr-01"), Map.of());
        assertEquals("lhr-01", read("org.khidmat.centre", "{\"id\": \"isb-g11\"}", env, Map.of()).get("id"));
        assertEquals("isb-g11", read("org.khidmat.centre", "{\"id\": \"isb-g11\"}", List.of(), Map.of()).get("id"));
        Map<String, Object> bad = new ConfigReader(conf, Override.from(Map.of("KHIDMAT_CENTRE", "Lahore Centre"),
                Map.of()), logs.log).read("org.khidmat.centre", Map.of());
        assertFalse(bad.containsKey("id"));
        assertTrue(logs.all().contains("KHIDMAT_CENTRE=Lahore Centre is not valid: write a code in quotes like"
                + " \"isb-g11\""), logs.all());
    }

    @Test
    void theOldSystemPropertyBeatsTheEnvironmentAndAWrongOneIsReported() {
        List<Override> o = Override.from(Map.of("KHIDMAT_REQUIRE_SIGNED", "true", "KHIDMAT_DEPLOY_START_TIMEOUT", "soon"),
                Map.of("khidmat.deploy.requireSigned", "false"));
        Map<String, Object> v = new ConfigReader(conf, o, logs.log).read("org.khidmat.deploy", Map.of());
        assertEquals(false, v.get("requireSigned"));
        assertFalse(v.containsKey("startTimeoutSeconds"));
        assertTrue(logs.all().contains("KHIDMAT_DEPLOY_START_TIMEOUT=soon is not valid: write a whole number from 1 to"
                + " 300 (no quotes); keeping 10 (the default)"), logs.all());
    }

    @Test
    void aPidTheTableDoesNotKnowIsHandedOnAsWritten() throws Exception {
        Map<String, Object> v = read("org.khidmat.metrics", "{\"enabled\": true, \"every\": 15, \"names\": [\"a\"]}",
                List.of(), Map.of());
        assertEquals(true, v.get("enabled"));
        assertEquals(15, v.get("every"));
        assertArrayEquals(new String[] { "a" }, (String[]) v.get("names"));
        assertTrue(logs.all().contains("no setting of the centre has the PID org.khidmat.metrics"), logs.all());
    }
}
