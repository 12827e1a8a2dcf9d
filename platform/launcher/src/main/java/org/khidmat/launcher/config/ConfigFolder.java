package org.khidmat.launcher.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;

/**
 * The centre's configuration: {@code conf/<pid>.cfg.json} with the environment's overrides (env beats file), read
 * when the centre starts and handed to Config Admin before the platform's components start; then the folder is
 * watched and a changed file is handed on again. Settings that take effect without a restart change at once; a
 * change of one that needs a restart is logged and kept for the next start, so a running component never sees it.
 * {@code org.khidmat.http} is the launcher's own (Jetty is set up from it at start) and does not go to Config Admin.
 */
public final class ConfigFolder {
    /** What every configuration file's name ends with. */
    public static final String SUFFIX = ".cfg.json";
    /** Marks the configurations this folder made, so a deleted file deletes its configuration. */
    static final String SOURCE = "khidmat.config.source";
    private final Path conf;
    private final ConfigReader reader;
    private final Logger log;
    private final Map<String, Map<String, Object>> inForce = new ConcurrentHashMap<>();
    private volatile ConfigurationAdmin admin;

    ConfigFolder(Path conf, List<Override> overrides, Logger log) {
        this.conf = conf;
        this.reader = new ConfigReader(conf, overrides, log);
        this.log = log;
    }

    /**
     * Reads the folder (converting an old {@code centre.properties} first) and the overrides.
     *
     * @param conf the centre's {@code conf/}
     * @param env the environment
     * @param properties the system properties that may stand for environment variables
     * @param log where problems are reported
     * @return the configuration in force
     */
    public static ConfigFolder read(Path conf, Map<String, String> env, Map<String, String> properties, Logger log) {
        CentreProperties.convert(conf, log);
        ConfigFolder folder = new ConfigFolder(conf, Override.from(env, properties), log);
        for (String pid : folder.pids()) {
            folder.inForce.put(pid, folder.reader.read(pid, Map.of()));
        }
        return folder;
    }

    /** @return the PIDs of the table and of the files in the folder */
    Set<String> pids() {
        Set<String> out = new TreeSet<>(SettingTable.pids());
        try (var files = java.nio.file.Files.list(conf)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
                    .forEach(n -> out.add(n.substring(0, n.length() - SUFFIX.length())));
        } catch (IOException e) {
            // no conf/: the table's PIDs, with their defaults and overrides
        }
        return out;
    }

    /** @return the value in force of a setting, or {@code null} for its default */
    public Object value(String pid, String key) {
        return inForce.getOrDefault(pid, Map.of()).get(key);
    }

    /**
     * Hands every PID but the launcher's own to Config Admin (only what differs is written) and removes the
     * configurations whose file is gone.
     */
    public void apply(ConfigurationAdmin configurationAdmin) throws IOException {
        this.admin = configurationAdmin;
        try {
            for (Map.Entry<String, Map<String, Object>> e : inForce.entrySet()) {
                give(e.getKey(), e.getValue());
            }
            Configuration[] ours = admin.listConfigurations("(" + SOURCE + "=*)");
            for (Configuration c : ours == null ? new Configuration[0] : ours) {
                if (!inForce.containsKey(c.getPid())) {
                    c.delete();
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void give(String pid, Map<String, Object> values) throws IOException, InvalidSyntaxException {
        if (pid.equals(SettingTable.HTTP)) {
            return;
        }
        if (values.isEmpty()) {
            // no file, no override: the component's defaults; getConfiguration would make an empty one
            Configuration[] found = admin.listConfigurations("(" + org.osgi.framework.Constants.SERVICE_PID + "=" + pid + ")");
            for (Configuration c : found == null ? new Configuration[0] : found) {
                c.delete();
            }
            return;
        }
        Configuration c = admin.getConfiguration(pid, "?");
        Dictionary<String, Object> d = new Hashtable<>(values);
        d.put(SOURCE, "conf/" + pid + SUFFIX);
        c.updateIfDifferent(d);
    }

    /**
     * Takes a changed (or new, or deleted) file: its settings that need no restart take effect, the others are
     * logged and kept until the next start.
     *
     * @param pid the file's PID
     */
    void changed(String pid) {
        Map<String, Object> before = inForce.getOrDefault(pid, Map.of());
        Map<String, Object> read = reader.read(pid, before);
        Map<String, Object> next = new LinkedHashMap<>(read);
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(read.keySet());
        for (String key : keys) {
            boolean live = SettingTable.find(pid, key).map(Setting::live).orElse(true);
            if (!live && !Objects.deepEquals(before.get(key), read.get(key))) {
                log.warn("conf/{}{}: {} changed to {}; it takes effect at the next start", pid, SUFFIX, key,
                        read.get(key) == null ? "its default" : ConfigReader.show(read.get(key)));
                if (before.containsKey(key)) {
                    next.put(key, before.get(key));
                } else {
                    next.remove(key);
                }
            }
        }
        inForce.put(pid, next);
        try {
            if (admin != null) {
                give(pid, next);
                log.info("conf/{}{} read again", pid, SUFFIX);
            }
        } catch (IOException | IllegalStateException | InvalidSyntaxException e) {
            log.error("conf/{}{} could not be handed to Config Admin: {}", pid, SUFFIX, e.getMessage());
        }
    }

    /** @return the values in force of one PID */
    Map<String, Object> inForceOf(String pid) {
        return Map.copyOf(inForce.getOrDefault(pid, Map.of()));
    }

    /** @return the folder, for the watcher */
    Path folder() {
        return conf;
    }
}
