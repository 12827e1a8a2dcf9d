package org.khidmat.launcher.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Reads {@code conf/<pid>.cfg.json} (one JSON object a file, {@code //} comments allowed) and the overrides into the
 * values of one PID. A value of the wrong type or out of range is reported with its file, key and the fix, and the
 * value in force before (or the default) is kept; an unknown key is warned about and left out; a file that is not
 * JSON keeps every value in force. PIDs the table does not know are handed on as written, with a warning.
 */
final class ConfigReader {
    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();
    private final Path conf;
    private final List<Override> overrides;
    private final Logger log;

    ConfigReader(Path conf, List<Override> overrides, Logger log) {
        this.conf = conf;
        this.overrides = overrides;
        this.log = log;
    }

    Path file(String pid) {
        return conf.resolve(pid + ConfigFolder.SUFFIX);
    }

    /**
     * @param pid the PID
     * @param previous the values in force, kept for a key whose new value is wrong
     * @return the values of the file and the overrides, env beating file
     */
    Map<String, Object> read(String pid, Map<String, Object> previous) {
        String name = "conf/" + pid + ConfigFolder.SUFFIX;
        Map<String, Object> out = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file(pid)));
        } catch (NoSuchFileException e) {
            root = null;
        } catch (JsonProcessingException e) {
            log.error("{} is not valid JSON ({}, line {}); write one object like {{\"key\": value}}; keeping the values"
                    + " in force", name, e.getOriginalMessage(), e.getLocation() == null ? "?" : e.getLocation().getLineNr());
            return new LinkedHashMap<>(previous);
        } catch (IOException e) {
            log.error("{} could not be read ({}); keeping the values in force", name, e.getMessage());
            return new LinkedHashMap<>(previous);
        }
        boolean known = SettingTable.pids().contains(pid);
        if (root != null && !root.isObject()) {
            log.error("{} holds no JSON object; write one like {{\"key\": value}}; keeping the values in force", name);
            return new LinkedHashMap<>(previous);
        }
        if (root != null && !known) {
            log.warn("{}: no setting of the centre has the PID {}; its values are handed to Config Admin as written",
                    name, pid);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root == null ? null : root.fields(); it != null && it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!known) {
                Object v = Passed.value(e.getValue());
                if (v != null) {
                    out.put(e.getKey(), v);
                }
                continue;
            }
            Optional<Setting> s = SettingTable.find(pid, e.getKey());
            if (s.isEmpty()) {
                log.warn("{}: unknown key \"{}\" is ignored; the keys of {} are {}", name, e.getKey(), pid,
                        SettingTable.keys(pid));
                continue;
            }
            try {
                out.put(e.getKey(), s.get().kind().fromJson(e.getValue(), s.get()));
            } catch (IllegalArgumentException wrong) {
                keep(out, previous, s.get(), name + ": \"" + e.getKey() + "\": " + e.getValue(), wrong.getMessage());
            }
        }
        for (Override o : overrides) {
            if (o.setting().pid().equals(pid)) {
                try {
                    out.put(o.setting().key(), o.setting().kind().fromText(o.text(), o.setting()));
                    log.debug("{} gives {} of {}, over {}", o.source(), o.setting().key(), pid, name);
                } catch (IllegalArgumentException wrong) {
                    keep(out, previous, o.setting(), o.source() + "=" + o.text(), wrong.getMessage());
                }
            }
        }
        return out;
    }

    private void keep(Map<String, Object> out, Map<String, Object> previous, Setting s, String what, String wanted) {
        Object before = previous.get(s.key());
        if (before != null) {
            out.put(s.key(), before);
        } else {
            out.remove(s.key());
        }
        log.error("{} is not valid: write {}; keeping {}", what, wanted,
                before != null ? show(before) + " (the value in force)" : s.fallback() + " (the default)");
    }

    static String show(Object v) {
        return v instanceof Object[] a ? Arrays.toString(a) : String.valueOf(v);
    }
}
