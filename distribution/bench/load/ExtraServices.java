import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Descriptor-only agency bundles made up for the benchmark: {@code bundles} jars of {@code perBundle} services
 * each, one agency a bundle, with a three-field form and a two-state workflow, written into a home's deploy/.
 */
final class ExtraServices {
    private ExtraServices() {
    }

    static int write(Path deploy, int bundles, int perBundle) throws IOException {
        for (int b = 1; b <= bundles; b++) {
            String agency = String.format("load%02d", b);
            Manifest m = new Manifest();
            Attributes a = m.getMainAttributes();
            a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            a.putValue("Bundle-ManifestVersion", "2");
            a.putValue("Bundle-SymbolicName", "org.khidmat.loadbench." + agency);
            a.putValue("Bundle-Version", "1.0.0");
            a.putValue("Khidmat-Services", "services/");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JarOutputStream j = new JarOutputStream(out, m)) {
                for (int s = 1; s <= perBundle; s++) {
                    j.putNextEntry(new JarEntry("services/s" + s + ".json"));
                    j.write(descriptor(agency, b, s).getBytes(StandardCharsets.UTF_8));
                    j.closeEntry();
                }
            }
            Path tmp = deploy.resolveSibling(agency + ".jar.part");
            Files.write(tmp, out.toByteArray());
            Files.move(tmp, deploy.resolve(agency + ".jar"));
        }
        return bundles * perBundle;
    }

    private static String descriptor(String agency, int b, int s) {
        return """
            {"formatVersion": 1, "id": "%1$s.service-%2$d", "version": 1,
             "agency": {"code": "%1$s", "name": {"en": "Load agency %3$d", "ur": "ادارہ %3$d"}},
             "category": "testing", "title": {"en": "Load service %3$d.%2$d", "ur": "خدمت %3$d.%2$d"},
             "summary": {"en": "A service made up by the load benchmark, to see the centre with many services.",
                         "ur": "لوڈ بینچ مارک کی بنائی ہوئی خدمت"},
             "documents": [{"en": "Original CNIC and a copy", "ur": "اصل شناختی کارڈ اور اس کی نقل"}],
             "fees": [{"id": "normal", "title": {"en": "Normal", "ur": "عام"}, "amount": 300, "days": 5},
                      {"id": "urgent", "title": {"en": "Urgent", "ur": "فوری"}, "amount": 900, "days": 2}],
             "form": [{"name": "fullName", "type": "text", "label": {"en": "Full name", "ur": "پورا نام"}, "required": true},
                      {"name": "cnic", "type": "cnic", "label": {"en": "CNIC", "ur": "شناختی کارڈ"}, "required": true},
                      {"name": "mobile", "type": "phone", "label": {"en": "Mobile", "ur": "موبائل"}, "required": true}],
             "workflow": {"initial": "submitted",
               "states": [{"id": "submitted", "label": {"en": "Submitted", "ur": "جمع"}},
                          {"id": "done", "label": {"en": "Done", "ur": "مکمل"}, "terminal": true}],
               "transitions": [{"from": "submitted", "to": "done", "label": {"en": "Finish", "ur": "مکمل"}}]}}
            """.formatted(agency, s, b);
    }
}
