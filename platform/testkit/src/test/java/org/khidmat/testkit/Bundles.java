package org.khidmat.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Writes small agency bundles for the tests, as a folder (like target/classes) or as a jar. */
final class Bundles {
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> files = new LinkedHashMap<>();

    static Bundles bundle() {
        Bundles b = new Bundles();
        b.headers.put("Manifest-Version", "1.0");
        b.headers.put("Bundle-ManifestVersion", "2");
        b.headers.put("Bundle-SymbolicName", "org.acme.permits");
        b.headers.put("Bundle-Version", "1.2.0");
        b.headers.put("Khidmat-Services", "services/");
        return b;
    }

    Bundles header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    Bundles file(String path, String content) {
        files.put(path, content);
        return this;
    }

    Bundles descriptor(String name, String json) {
        return file("services/" + name + ".json", json);
    }

    /** A Declarative Services component description, as bnd writes it, registering a ServiceHandler. */
    Bundles handler(String className, String serviceId) {
        String path = "OSGI-INF/" + className + ".xml";
        files.put(path, """
            <?xml version="1.0" encoding="UTF-8"?>
            <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%1$s">
              <property name="khidmat.service.id" type="String" value="%2$s"/>
              <service><provide interface="org.khidmat.api.ServiceHandler"/></service>
              <implementation class="%1$s"/>
            </scr:component>
            """.formatted(className, serviceId).strip());
        String list = headers.get("Service-Component");
        headers.put("Service-Component", list == null ? path : list + "," + path);
        return this;
    }

    private String manifest() {
        StringBuilder sb = new StringBuilder();
        headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        return sb.append("\r\n").toString();
    }

    Path folder(Path dir) {
        try {
            write(dir, "META-INF/MANIFEST.MF", manifest());
            for (Map.Entry<String, String> e : files.entrySet()) {
                write(dir, e.getKey(), e.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path jar(Path file) {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry("META-INF/MANIFEST.MF"));
            jar.write(manifest().getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> e : files.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path dir, String path, String content) throws IOException {
        Path f = dir.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
    }

    /** A valid descriptor; {@code extra} is inserted before the closing brace (for example {@code , "handler": true}). */
    static String descriptor(String id, String agency, String extra) {
        return """
            {
              "formatVersion": 1, "id": "%1$s", "version": 1,
              "agency": {"code": "%2$s", "name": {"en": "Acme Authority", "ur": "ایکمی اتھارٹی"}},
              "category": "permits",
              "title": {"en": "Permit", "ur": "اجازت نامہ"},
              "summary": {"en": "A permit.", "ur": "اجازت نامہ۔"},
              "fees": [{"id": "normal", "title": {"en": "Normal", "ur": "عام"}, "amount": 100, "days": 3},
                       {"id": "urgent", "title": {"en": "Urgent", "ur": "ارجنٹ"}, "amount": 300, "days": 1}],
              "form": [{"name": "cnic", "type": "cnic", "label": {"en": "CNIC", "ur": "شناختی کارڈ"}, "required": true},
                       {"name": "dateOfBirth", "type": "date", "label": {"en": "Date of birth", "ur": "تاریخ پیدائش"}, "required": true}],
              "workflow": {"initial": "submitted",
                "states": [{"id": "submitted", "label": {"en": "Submitted", "ur": "جمع"}},
                           {"id": "done", "label": {"en": "Done", "ur": "مکمل"}, "terminal": true}],
                "transitions": [{"from": "submitted", "to": "done", "label": {"en": "Finish", "ur": "مکمل کریں"}}]}%3$s
            }
            """.formatted(id, agency, extra);
    }

    static String descriptor(String id) {
        return descriptor(id, id.substring(0, id.indexOf('.')), "");
    }
}
