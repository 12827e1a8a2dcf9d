package org.khidmat.launcher.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.Logger;

/**
 * Turns the {@code conf/centre.properties} of a centre set up before configuration was in one place into
 * {@code conf/org.khidmat.appointments.cfg.json}: once, at the first start that finds it. Its values are written as
 * they were (a wrong one is then reported by the reader like any other), over those of an existing JSON file, and the
 * old file is kept as {@code centre.properties.converted}.
 */
final class CentreProperties {
    static final String FILE = "centre.properties";
    private static final String PREFIX = "appointments.";
    private static final String CAPACITY_OF = "appointments.capacity.";

    private CentreProperties() {
    }

    static void convert(Path conf, Logger log) {
        Path old = conf.resolve(FILE);
        if (!Files.isRegularFile(old)) {
            return;
        }
        Path json = conf.resolve(SettingTable.APPOINTMENTS + ConfigFolder.SUFFIX);
        try {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(old, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            ObjectMapper mapper = ConfigReader.JSON;
            ObjectNode out = Files.isRegularFile(json) ? (ObjectNode) mapper.readTree(json.toFile()) : mapper.createObjectNode();
            Map<String, String> capacities = new TreeMap<>();
            for (String name : new java.util.TreeSet<>(p.stringPropertyNames())) {
                String v = p.getProperty(name).strip();
                if (name.startsWith(CAPACITY_OF)) {
                    capacities.put(name.substring(CAPACITY_OF.length()), v);
                } else if (name.startsWith(PREFIX)) {
                    put(out, name.substring(PREFIX.length()), v, log);
                } else {
                    log.warn("conf/{}: unknown key \"{}\" is not carried over", FILE, name);
                }
            }
            if (!capacities.isEmpty()) {
                ArrayNode list = out.putArray("serviceCapacity");
                capacities.forEach((id, n) -> list.add(id + "=" + n));
            }
            // the comments of an existing file are not kept: the values are what counts
            Files.writeString(json, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n");
            Files.move(old, conf.resolve(FILE + ".converted"), StandardCopyOption.REPLACE_EXISTING);
            log.info("conf/{} was turned into conf/{}{} (the old file is kept as conf/{}.converted); edit the new file"
                    + " from now on", FILE, SettingTable.APPOINTMENTS, ConfigFolder.SUFFIX, FILE);
        } catch (IOException | RuntimeException e) {
            log.error("conf/{} could not be turned into conf/{}{} ({}); its settings are not in force: move them into"
                    + " that file by hand", FILE, SettingTable.APPOINTMENTS, ConfigFolder.SUFFIX, e.getMessage());
        }
    }

    private static void put(ObjectNode out, String key, String v, Logger log) {
        Setting s = SettingTable.find(SettingTable.APPOINTMENTS, key).orElse(null);
        if (s == null) {
            log.warn("conf/{}: unknown key \"appointments.{}\" is not carried over", FILE, key);
        } else if (s.kind() == Kind.NUMBER && v.matches("-?\\d{1,9}")) {
            out.put(key, Integer.parseInt(v));
        } else if (s.kind() == Kind.LIST || s.kind() == Kind.DAYS) {
            ArrayNode list = out.putArray(key);
            for (String item : v.split(",")) {
                if (!item.isBlank()) {
                    list.add(item.strip());
                }
            }
        } else {
            out.put(key, v);
        }
    }
}
