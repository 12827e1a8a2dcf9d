package org.khidmat.launcher.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CentrePropertiesTest {
    @TempDir
    Path conf;
    private final LogCapture logs = new LogCapture("test.config.centre." + System.nanoTime());

    @Test
    void anOldCentrePropertiesIsTurnedIntoConfigurationOnceWithALogLine() throws Exception {
        Files.writeString(conf.resolve("centre.properties"), """
                appointments.opens=08:00
                appointments.slotMinutes=15
                appointments.capacity.nadra.cnic-renewal=6
                appointments.days=MON,TUE
                appointments.needApplication=ictpolice
                appointments.latestMinutes=late
                """);
        Map<String, Object> v = ConfigFolder.read(conf, Map.of(), Map.of(), logs.log).inForceOf("org.khidmat.appointments");
        assertEquals("08:00", v.get("opens"));
        assertEquals(15, v.get("slotMinutes"));
        assertArrayEquals(new String[] { "nadra.cnic-renewal=6" }, (String[]) v.get("serviceCapacity"));
        assertArrayEquals(new String[] { "MON", "TUE" }, (String[]) v.get("days"));
        assertArrayEquals(new String[] { "ictpolice" }, (String[]) v.get("needApplication"));
        assertFalse(v.containsKey("latestMinutes"), "a wrong old value is reported like any other");
        assertFalse(Files.exists(conf.resolve("centre.properties")));
        assertTrue(Files.exists(conf.resolve("centre.properties.converted")));
        assertTrue(logs.all().contains("INFO conf/centre.properties was turned into"
                + " conf/org.khidmat.appointments.cfg.json"), logs.all());
        assertTrue(logs.all().contains("conf/org.khidmat.appointments.cfg.json: \"latestMinutes\": \"late\" is not valid"),
                logs.all());
    }

    @Test
    void itsValuesGoOverThoseOfAnExistingJsonFile() throws Exception {
        Files.writeString(conf.resolve("org.khidmat.appointments.cfg.json"),
                "// as shipped, with comments\n{\"opens\": \"07:00\", \"closes\": \"13:00\"}");
        Files.writeString(conf.resolve("centre.properties"), "appointments.opens=08:00\n");
        Map<String, Object> v = ConfigFolder.read(conf, Map.of(), Map.of(), logs.log).inForceOf("org.khidmat.appointments");
        assertEquals("08:00", v.get("opens"));
        assertEquals("13:00", v.get("closes"));
    }
}
