package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A centre's name in each language its configuration gives is stored with it (schema 18), on both engines: read back
 * with its English name under {@code en}, replaced whole at the next registration, blank names left out.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class CentreNamesTest {
    @Parameter
    Engine engine;
    @TempDir
    Path dir;
    private Database db;
    private SqlCentres centres;

    @BeforeEach
    void open() {
        db = engine.open(dir);
        centres = new SqlCentres(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aCentresNamesInOtherLanguagesAreKeptBesideItsEnglishName() {
        centres.register("isb-g11", "AKM Islamabad", Map.of("ur", "آسان خدمت مرکز اسلام آباد", "sd", "آسان خدمت مرڪز اسلام آباد",
                "ps", " "), "Asia/Karachi");
        centres.register("lhr-01", "AKM Lahore", "Asia/Karachi");
        Map<String, Map<String, String>> names = centres.namesByLanguage();
        assertEquals(Map.of("en", "AKM Islamabad", "ur", "آسان خدمت مرکز اسلام آباد", "sd", "آسان خدمت مرڪز اسلام آباد"),
                names.get("isb-g11"), "a blank name is left out");
        assertEquals(Map.of("en", "AKM Lahore"), names.get("lhr-01"), "a centre given no other names has its English one");
        assertEquals("AKM Islamabad", centres.names().get("isb-g11"), "names() stays the English name");
    }

    @Test
    void aNewRegistrationReplacesTheNamesWhole() {
        centres.register("isb-g11", "AKM Islamabad", Map.of("ur", "پرانا نام", "sd", "پراڻو نالو"), "Asia/Karachi");
        centres.register("isb-g11", "AKM Islamabad G-11", Map.of("ur", "آسان خدمت مرکز جی الیون", "en", "ignored"), "Asia/Karachi");
        assertEquals(Map.of("en", "AKM Islamabad G-11", "ur", "آسان خدمت مرکز جی الیون"), centres.namesByLanguage().get("isb-g11"),
                "a language no longer given is forgotten; the English name is the name given");
    }
}
