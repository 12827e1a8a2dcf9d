package org.khidmat.core.internal.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.khidmat.api.descriptor.DescriptorException;
import org.khidmat.api.descriptor.Descriptors;
import org.khidmat.api.descriptor.ServiceDescriptor;

/**
 * Reads the descriptors an agency bundle names in its {@code Khidmat-Services} header, from a jar on disk
 * or from an installed bundle, with the same rules either way.
 */
public final class DescriptorFiles {

    /** Where descriptors are read from: a jar being checked, or an installed bundle. */
    public interface Source {
        /** @return the entry's content, or {@code null} when there is no such entry */
        InputStream open(String path) throws IOException;

        /** @return the paths of the {@code .json} entries directly in a folder (ending in /) */
        List<String> list(String folder) throws IOException;
    }

    private DescriptorFiles() {
    }

    /**
     * @param header the value of the {@code Khidmat-Services} header
     * @param source where to read
     * @return the descriptors, in header order
     * @throws DescriptorException with every problem of every descriptor, or a missing file
     */
    public static List<ServiceDescriptor> read(String header, Source source) throws DescriptorException, IOException {
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
                if (!ids.add(d.id())) {
                    problems.add(path + ": id '" + d.id() + "' is declared by another descriptor of this bundle");
                }
                out.add(d);
            } catch (DescriptorException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new DescriptorException(problems);
        }
        return out;
    }
}
