package org.khidmat.distribution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds agency bundles for tests, in memory: a manifest, descriptors, and optionally compiled test
 * classes (an activator) taken from the test class path.
 */
public final class TestBundles {
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    private TestBundles() {
    }

    /** A bundle with the given symbolic name and version that declares its services in {@code services/}. */
    public static TestBundles bundle(String symbolicName, String version) {
        TestBundles b = new TestBundles();
        b.headers.put("Bundle-ManifestVersion", "2");
        b.headers.put("Bundle-SymbolicName", symbolicName);
        b.headers.put("Bundle-Version", version);
        b.headers.put("Khidmat-Services", "services/");
        return b;
    }

    /** A plain jar with a manifest but no OSGi headers at all. */
    public static TestBundles plainJar() {
        return new TestBundles();
    }

    public TestBundles header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    /** Adds {@code services/<name>.json}. */
    public TestBundles descriptor(String name, String json) {
        entries.put("services/" + name + ".json", json.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public TestBundles entry(String path, byte[] content) {
        entries.put(path, content);
        return this;
    }

    /** Copies a compiled test class into the jar and makes it the bundle activator. */
    public TestBundles activator(Class<?> type) {
        String path = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(path)) {
            entries.put(path, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        headers.put("Bundle-Activator", type.getName());
        headers.put("Import-Package", "org.osgi.framework");
        return this;
    }

    public byte[] bytes() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> main.put(new Attributes.Name(k), v));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the jar to a file and returns it. */
    public Path writeTo(Path file) {
        try {
            Files.write(file, bytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A valid descriptor-only service for agency {@code agency}, whose English title is {@code title}.
     */
    public static String descriptor(String id, String agency, String title) {
        return descriptor(id, agency, title, 1);
    }

    /** The same, with the descriptor's own {@code version}, which must rise whenever its content changes. */
    public static String descriptor(String id, String agency, String title, int version) {
        return """
            {
              "formatVersion": 1, "id": "%1$s", "version": %4$d,
              "agency": {"code": "%2$s", "name": {"en": "Test agency %2$s", "ur": "ٹیسٹ ادارہ"}},
              "category": "testing",
              "title": {"en": "%3$s", "ur": "ٹیسٹ سروس"},
              "summary": {"en": "A service made by a test.", "ur": "ٹیسٹ کی بنائی ہوئی سروس"},
              "fees": [{"id": "normal", "title": {"en": "Normal", "ur": "عام"}, "amount": 100, "days": 3}],
              "form": [{"name": "cnic", "type": "cnic", "label": {"en": "CNIC", "ur": "شناختی کارڈ"}, "required": true}],
              "workflow": {"initial": "submitted",
                "states": [{"id": "submitted", "label": {"en": "Submitted", "ur": "جمع"}},
                           {"id": "done", "label": {"en": "Done", "ur": "مکمل"}, "terminal": true}],
                "transitions": [{"from": "submitted", "to": "done", "label": {"en": "Finish", "ur": "مکمل کریں"}}]}
            }
            """.formatted(id, agency, title, version);
    }
}
