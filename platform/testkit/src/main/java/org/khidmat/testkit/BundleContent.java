package org.khidmat.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The entries of a bundle: a built jar, or a build's output folder ({@code target/classes}). */
abstract class BundleContent {

    static BundleContent of(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return new Folder(path);
        }
        if (Files.isRegularFile(path)) {
            return new Jar(path);
        }
        throw new IOException(path + " is neither a bundle jar nor a folder");
    }

    /** @return the entry's bytes, or {@code null} when there is no such file */
    abstract byte[] read(String path) throws IOException;

    /** @return the paths of every file entry, sorted */
    abstract List<String> entries() throws IOException;

    Manifest manifest() throws IOException {
        byte[] bytes = read("META-INF/MANIFEST.MF");
        return bytes == null ? null : new Manifest(new ByteArrayInputStream(bytes));
    }

    InputStream open(String path) throws IOException {
        byte[] bytes = read(path);
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    /** The {@code .json} files directly in {@code folder} (which ends in /), in name order, as the centre lists them. */
    List<String> jsonIn(String folder) throws IOException {
        List<String> out = new ArrayList<>();
        for (String name : entries()) {
            String rest = name.startsWith(folder) ? name.substring(folder.length()) : null;
            if (rest != null && rest.endsWith(".json") && !rest.contains("/")) {
                out.add(name);
            }
        }
        Collections.sort(out);
        return out;
    }

    private static final class Folder extends BundleContent {
        private final Path root;

        Folder(Path root) {
            this.root = root;
        }

        @Override
        byte[] read(String path) throws IOException {
            Path file = root.resolve(path).normalize();
            return file.startsWith(root) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        }

        @Override
        List<String> entries() throws IOException {
            try (Stream<Path> all = Files.walk(root)) {
                return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .sorted().toList();
            }
        }
    }

    private static final class Jar extends BundleContent {
        private final Path jar;

        Jar(Path jar) {
            this.jar = jar;
        }

        @Override
        byte[] read(String path) throws IOException {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry e = zip.getEntry(path);
                if (e == null || e.isDirectory()) {
                    return null;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    return in.readAllBytes();
                }
            }
        }

        @Override
        List<String> entries() throws IOException {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                return Collections.list(zip.entries()).stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName)
                        .sorted().toList();
            }
        }
    }
}
