package org.khidmat.core.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CentreProfileTest {
    @AfterEach
    void backToTheDefault() {
        CentreZone.set(CentreZone.DEFAULT);
    }

    @Test
    void theDefaultsAreThoseOfTheDocumentation() {
        CentreProfile centre = new CentreProfile(Configs.of(CentreConfig.class, Map.of()));
        assertEquals("Asan Khidmat Markaz", centre.name());
        assertEquals(ZoneId.of("Asia/Karachi"), centre.zone());
        assertEquals(List.of("en", "ur"), centre.languages());
        assertEquals("#01411c", centre.colour());
        assertEquals("default", centre.id(), "a single centre needs no id");
    }

    @Test
    void theCentreIdIsACodeAndAnotherValueKeepsThePreviousOne() {
        CentreProfile centre = new CentreProfile(Configs.of(CentreConfig.class, Map.of("id", "isb-g11")));
        assertEquals("isb-g11", centre.id());
        for (String bad : new String[] {"Lahore Centre", "-lhr", "", "x".repeat(33)}) {
            centre.modified(Configs.of(CentreConfig.class, Map.of("id", bad)));
            assertEquals("isb-g11", centre.id(), bad);
        }
    }

    @Test
    void aChangeIsSeenAtOnceAndIsTheZoneOfTheWholeBundle() {
        CentreProfile centre = new CentreProfile(Configs.of(CentreConfig.class, Map.of()));
        centre.modified(Configs.of(CentreConfig.class, Map.of("name", "AKM Dubai", "zone", "Asia/Dubai",
                "languages", new String[] { "EN" })));
        assertEquals("AKM Dubai", centre.name());
        assertEquals(ZoneId.of("Asia/Dubai"), centre.zone());
        assertEquals(ZoneId.of("Asia/Dubai"), CentreZone.get());
        assertEquals(List.of("en"), centre.languages());
    }

    @Test
    void aValueThatCannotBeUsedKeepsThePreviousOne() {
        CentreProfile centre = new CentreProfile(Configs.of(CentreConfig.class, Map.of("zone", "Asia/Dubai")));
        centre.modified(Configs.of(CentreConfig.class, Map.of("zone", "Nowhere/Else", "name", " ", "colour", "red")));
        assertEquals(ZoneId.of("Asia/Dubai"), centre.zone());
        assertEquals("Asan Khidmat Markaz", centre.name());
        assertEquals("#01411c", centre.colour());
    }

    @Test
    void theNameInOtherLanguagesIsGivenAsLanguageEqualsNameAndAnEntryThatIsNotIsLeftOut() {
        CentreProfile centre = new CentreProfile(Configs.of(CentreConfig.class, Map.of("name", "AKM Islamabad",
                "names", new String[] { "UR = آسان خدمت مرکز اسلام آباد", "sd=آسان خدمت مرڪز", "no language", "ps=", "=x" })));
        assertEquals(Map.of("ur", "آسان خدمت مرکز اسلام آباد", "sd", "آسان خدمت مرڪز"), centre.names());
        assertEquals("AKM Islamabad", centre.name());
        centre.modified(Configs.of(CentreConfig.class, Map.of("name", "AKM Islamabad")));
        assertEquals(Map.of(), centre.names(), "names removed from the file are gone");
    }
}
