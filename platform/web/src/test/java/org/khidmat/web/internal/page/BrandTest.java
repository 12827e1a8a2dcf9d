package org.khidmat.web.internal.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.Centre;

/** The centre's name in a page's header: in the page's language when it has one, else marked as the English it is. */
class BrandTest {
    private static Centre centre(String name, Map<String, String> names) {
        return new Centre() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Map<String, String> names() {
                return names;
            }

            @Override
            public String shortName() {
                return name;
            }

            @Override
            public ZoneId zone() {
                return ZoneId.of("Asia/Karachi");
            }

            @Override
            public String logo() {
                return "";
            }

            @Override
            public String colour() {
                return "#01411c";
            }

            @Override
            public List<String> languages() {
                return List.of("en", "ur");
            }
        };
    }

    @Test
    void aConfiguredNameIsShownInThePageLanguageOrMarkedAsEnglish() {
        Brand lahore = new Brand(centre("Lahore <Khidmat> Markaz", Map.of("ur", "آسان خدمت مرکز لاہور")));
        assertEquals("Lahore &lt;Khidmat&gt; Markaz", lahore.named("en"));
        assertEquals("آسان خدمت مرکز لاہور", lahore.named("ur"));
        assertNull(lahore.borrowedFrom("ur"));
        // a language the centre's names do not give: its English name, escaped and marked
        assertEquals("en", lahore.borrowedFrom("sd"));
        assertEquals("<span lang=\"en\" dir=\"ltr\">Lahore &lt;Khidmat&gt; Markaz</span>", lahore.named("sd"));
        Brand quetta = new Brand(centre("Quetta Khidmat Markaz", Map.of()));
        assertEquals("<span lang=\"en\" dir=\"ltr\">Quetta Khidmat Markaz</span>", quetta.named("ur"));
        assertEquals("<span lang=\"en\" dir=\"ltr\">Quetta Khidmat Markaz</span>", quetta.mark("ur"),
                "the staff and hall headers' mark takes the same");
    }

    @Test
    void theDefaultNameComesFromTheWordsAndIsNotMarkedWhereTheLanguageHasIt() {
        Brand unset = new Brand(null);
        assertEquals(Messages.of(Messages.CITIZEN, "ur").get("centre"), unset.named("ur"));
        assertNull(unset.borrowedFrom("ur"));
        Brand named = new Brand(centre(Brand.DEFAULT_NAME, Map.of()));
        assertEquals(Messages.of(Messages.CITIZEN, "ur").get("centre"), named.named("ur"));
        assertEquals(Brand.DEFAULT_NAME, named.named("en"));
    }
}
