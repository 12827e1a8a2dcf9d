package org.khidmat.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the sample distribution should serve, read from the sources: every descriptor under
 * {@code plugins/<code>/src/main/resources/services/}, so adding a plugin or a service needs no test edit.
 */
public final class SamplePlugins {

    /** One service as its plugin's sources declare it. */
    public record Service(String id, String agency, String plugin) {
    }

    private SamplePlugins() {
    }

    /** @return the source tree's root (the folder with the reactor pom) */
    public static Path root() {
        return Path.of(System.getProperty("khidmat.root", "..")).toAbsolutePath().normalize();
    }

    /** @return the plugin folders, plugins/<code>, that are Maven modules, by name */
    public static List<Path> plugins() {
        try (Stream<Path> dirs = Files.list(root().resolve("plugins"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return every service of every plugin, in the catalogue's order: by agency code, then id */
    public static List<Service> services() {
        ObjectMapper json = new ObjectMapper();
        List<Service> out = new ArrayList<>();
        for (Path plugin : plugins()) {
            Path folder = plugin.resolve("src/main/resources/services");
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                    JsonNode d = json.readTree(f.toFile());
                    out.add(new Service(d.get("id").asText(), d.get("agency").get("code").asText(),
                            plugin.getFileName().toString()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.sort(Comparator.comparing(Service::agency).thenComparing(Service::id));
        return out;
    }

    /** @return the service ids, in the catalogue's order */
    public static List<String> serviceIds() {
        return services().stream().map(Service::id).toList();
    }

    /** @return how many agencies (distinct agency codes) the samples serve */
    public static int agencies() {
        return new TreeSet<>(services().stream().map(Service::agency).toList()).size();
    }

    /** @return the service ids of each plugin folder, by folder name */
    public static Map<String, List<String>> idsByPlugin() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Service s : services()) {
            out.computeIfAbsent(s.plugin(), k -> new ArrayList<>()).add(s.id());
        }
        return out;
    }
}
