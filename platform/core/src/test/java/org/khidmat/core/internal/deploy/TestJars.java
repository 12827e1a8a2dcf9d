package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** Agency jars for the deployer's unit tests: one service of one agency, with or without a class. */
final class TestJars {
    private TestJars() {
    }

    /** @return a jar in {@code dir} declaring one service of {@code agency}, with a class when {@code code} */
    static Path jar(Path dir, String bsn, String version, String agency, String agencyName, boolean code)
            throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", version);
        a.putValue("Khidmat-Services", "services/");
        Path file = dir.resolve(bsn + "-" + version + (code ? "-code" : "") + ".jar");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, mf)) {
            jar.putNextEntry(new ZipEntry("services/svc.json"));
            jar.write(descriptor(agency, agencyName));
            jar.closeEntry();
            if (code) {
                jar.putNextEntry(new ZipEntry(bsn.replace('.', '/') + "/Check.class"));
                jar.write(new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe});
                jar.closeEntry();
            }
        }
        return file;
    }

    /** @return the jar checked, as the deployer sees it */
    static Candidate candidate(Path dir, String bsn, String version, String agency, String agencyName) throws Exception {
        return new JarCheck(Limits.DEFAULT).check(jar(dir, bsn, version, agency, agencyName, false));
    }

    private static byte[] descriptor(String agency, String name) {
        return ("""
                {
                  "formatVersion": 1, "id": "%1$s.permit", "version": 1,
                  "agency": { "code": "%1$s", "name": { "en": "%2$s", "ur": "ادارہ" } },
                  "category": "tax",
                  "title": { "en": "Permit", "ur": "اجازت" },
                  "summary": { "en": "A permit.", "ur": "اجازت نامہ" },
                  "fees": [ { "id": "free", "title": { "en": "Free", "ur": "مفت" }, "amount": 0, "days": 1 } ],
                  "form": [ { "name": "fullName", "type": "text", "label": { "en": "Name", "ur": "نام" } } ],
                  "workflow": {
                    "initial": "open",
                    "states": [ { "id": "open", "label": { "en": "Open", "ur": "کھلی" } },
                                { "id": "done", "label": { "en": "Done", "ur": "مکمل" }, "terminal": true } ],
                    "transitions": [ { "from": "open", "to": "done", "label": { "en": "Issue", "ur": "جاری" } } ]
                  }
                }
                """).formatted(agency, name).getBytes(StandardCharsets.UTF_8);
    }
}
