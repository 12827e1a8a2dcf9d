package org.khidmat.api.descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the descriptors an agency bundle names in its {@code Khidmat-Services} header, with the rules the
 * centre applies (a leading {@code /} is ignored; a path ending in {@code /} names every {@code .json}
 * directly in that folder, in name order; ids are unique within the bundle), from a jar on disk, an
 * installed bundle or a build's output folder alike.
 */
public final class BundleDescriptors {

    /** Where descriptors are read from. */
    public interface Source {
        /**
         * @param path a path inside the bundle, without a leading {@code /}
         * @return the entry's content, or {@code null} when there is no such entry
         * @throws IOException when it cannot be read
         */
        InputStream open(String path) throws IOException;

        /**
         * @param folder a folder path ending in {@code /}
         * @return the paths of the {@code .json} entries directly in it, sorted
         * @throws IOException when it cannot be listed
         */
        List<String> list(String folder) throws IOException;
    }

    /**
     * What a bundle's header yields.
     *
     * @param descriptors the valid descriptors, in header order
     * @param problems every problem, with the descriptor's path at its start; empty when all is well
     */
    public record Reading(List<ServiceDescriptor> descriptors, List<String> problems) {
    }

    private BundleDescriptors() {
    }

    /**
     * @param header the value of the {@code Khidmat-Services} header
     * @param source where to read
     * @return the valid descriptors and every problem found
     * @throws IOException when the source cannot be read
     */
    public static Reading read(String header, Source source) throws IOException {
        Set<String> paths = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String raw : header.split(",")) {
            String path = raw.trim();
            if (path.startsWith("/")) {
                path = path.substring(1);
            }
            if (path.isEmpty()) {
                continue;
            }
            if (path.endsWith("/")) {
                List<String> found = source.list(path);
                if (found.isEmpty()) {
                    problems.add("Khidmat-Services names folder " + path + " but it holds no .json descriptor");
                }
                paths.addAll(found);
            } else {
                paths.add(path);
            }
        }
        if (paths.isEmpty() && problems.isEmpty()) {
            problems.add("Khidmat-Services header names no descriptor");
        }
        List<ServiceDescriptor> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (String path : paths) {
            try (InputStream in = source.open(path)) {
                if (in == null) {
                    problems.add("Khidmat-Services names " + path + " but the bundle has no such file");
                    continue;
                }
                ServiceDescriptor d = Descriptors.parse(in, path);
                if (ids.add(d.id())) {
                    out.add(d);
                } else {
                    problems.add(path + ": id '" + d.id() + "' is declared by another descriptor of this bundle");
                }
            } catch (DescriptorException e) {
                problems.addAll(e.problems());
            }
        }
        return new Reading(List.copyOf(out), List.copyOf(problems));
    }

    /**
     * The same, for callers that take all or nothing, as the centre does.
     *
     * @param header the value of the {@code Khidmat-Services} header
     * @param source where to read
     * @return the descriptors
     * @throws DescriptorException with every problem, when there is any
     * @throws IOException when the source cannot be read
     */
    public static List<ServiceDescriptor> readAll(String header, Source source) throws DescriptorException, IOException {
        Reading r = read(header, source);
        if (!r.problems().isEmpty()) {
            throw new DescriptorException(r.problems());
        }
        return r.descriptors();
    }
}
