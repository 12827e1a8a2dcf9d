package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.http.FakeCatalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.CatalogueEntry;

class CatalogueSearchTest {
    private final FakeCatalogue catalogue = new FakeCatalogue()
            .add("nadra.renewal", "identity", "Renew your CNIC", "شناختی کارڈ کی تجدید", "Renew an identity card before it expires",
                    "میعاد ختم ہونے سے پہلے کارڈ کی تجدید")
            .add("dgip.passport", "passports", "New passport", "نیا پاسپورٹ", "A machine readable passport", "مشین ریڈ ایبل پاسپورٹ")
            .add("dgip.lost", "passports", "Report a lost document", "گم شدہ دستاویز", "Also for a lost passport", "گم شدہ پاسپورٹ بھی")
            .add("itp.licence", "driving", "Driving licence", "ڈرائیونگ لائسنس", "A licence to drive a car", "گاڑی چلانے کا لائسنس");

    private List<String> ids(String words) {
        return CatalogueSearch.search(CatalogueSearch.Index.of(1, catalogue.services()), words).stream().map(CatalogueEntry::id)
                .toList();
    }

    @Test
    void aWordInTheTitleRanksAboveTheSameWordInASummary() {
        assertEquals(List.of("dgip.passport", "dgip.lost"), ids("passport"));
    }

    @Test
    void aSpellingMistakeOfOneLetterIsForgivenInLongWords() {
        assertEquals(List.of("dgip.passport", "dgip.lost"), ids("pasport"), "a letter missing");
        assertEquals(List.of("itp.licence"), ids("licnece"), "two letters swapped");
        assertEquals(List.of("itp.licence"), ids("lisence"), "a letter wrong");
        assertEquals(List.of(), ids("cnoc"), "short words must be right");
    }

    @Test
    void theStartOfAWordFindsIt() {
        assertEquals(List.of("nadra.renewal"), ids("renew"));
        assertEquals(List.of("nadra.renewal"), ids("ren cnic"), "every word must be found");
        assertEquals(List.of(), ids("renew passport"));
    }

    @Test
    void urduWordsAndTheCategoryNameFindServices() {
        assertEquals(List.of("dgip.passport", "dgip.lost"), ids("پاسپورٹ"));
        assertEquals(List.of("nadra.renewal"), ids("تجدید"));
        assertEquals(List.of("nadra.renewal"), ids("identity documents"), "the category's name");
    }

    @Test
    void oneEditApart() {
        assertTrue(CatalogueSearch.oneEditApart("pasport", "passport"));
        assertTrue(CatalogueSearch.oneEditApart("licnece", "licence"));
        assertTrue(CatalogueSearch.oneEditApart("lisence", "licence"));
        assertFalse(CatalogueSearch.oneEditApart("licence", "licence"));
        assertFalse(CatalogueSearch.oneEditApart("lcnece", "licence"));
        assertEquals(List.of("61101", "cnic"), CatalogueSearch.tokens("۶۱۱۰۱, CNIC!"));
    }
}
