package org.khidmat.api.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The applicant's CNIC question takes its words from the language files, the same keys in each. */
class ApplicantWordsTest {
    @Test
    void theQuestionIsInEveryLanguageFileWithTheSameKeys() {
        assertEquals("Your CNIC number", ApplicantWords.LABEL.en());
        assertEquals("آپ کا شناختی کارڈ نمبر", ApplicantWords.LABEL.in("ur"));
        assertEquals("Your CNIC number", ApplicantWords.LABEL.in("sd"), "a language without a file falls back to English");
        assertEquals("13 ہندسے، مثلاً 61101-1234567-1", ApplicantWords.HINT.ur());
        assertEquals(ApplicantWords.read("en").stringPropertyNames(), ApplicantWords.read("ur").stringPropertyNames());
        for (String lang : ApplicantWords.LABEL.languages()) {
            assertEquals(ApplicantWords.read("en").stringPropertyNames(), ApplicantWords.read(lang).stringPropertyNames(),
                    "applicant_" + lang + ".properties");
        }
        assertEquals(List.of("en", "ur"), List.copyOf(ApplicantWords.LABEL.languages()));
    }
}
