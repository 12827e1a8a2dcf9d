package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.page.Messages;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.khidmat.web.internal.page.Site;
import org.junit.jupiter.api.Test;
import org.khidmat.api.store.AuditCheck;

/** The staff templates, compiled at build time, escape what they are given by context, in the shared frame. */
class StaffTemplatesTest {
    private static ConsoleLayout.Frame frame(String lang, String who) {
        Messages m = Messages.of(Messages.STAFF, lang);
        return new ConsoleLayout.Frame(m, m.get("login.title"), who, "centre admin", "csrf\"value",
                List.of(new ConsoleLayout.Link("/admin", "Bundles", true, null)), List.of(), null, null, Site.defaults().brand(), Site.defaults().time());
    }

    @Test
    void aHostileValueIsEscapedInTextAndAttributes() {
        String page = ConsoleLayout.render("login.jte", frame("en", "<script>alert(1)</script>"),
                new LoginPages.View("tok\"en", "\"><img src=x onerror=alert(1)>", "<b>bad</b>"));
        assertFalse(page.contains("<script>alert") || page.contains("<img") || page.contains("<b>bad"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
        assertTrue(page.contains("value=\"csrf&#34;value\"") || page.contains("value=\"csrf&quot;value\""), page);
    }

    @Test
    void everyPageSharesTheFrameInItsLanguage() {
        String page = ConsoleLayout.render("login.jte", frame("ur", "amna"), new LoginPages.View("t", "", null));
        assertTrue(page.contains("<html lang=\"ur\" dir=\"rtl\">"), page);
        assertTrue(page.contains("class=\"skip\" href=\"#main\"") && page.contains("<footer") && page.contains("aria-current=\"page\""),
                page);
        assertTrue(page.contains("Asia/Karachi (PKT)"), "the footer names the centre's zone: " + page);
    }

    @Test
    void theAuditCheckSaysHowManyEntriesWithTheRightPluralInEachLanguage() {
        for (long entries : new long[] {1, 2}) {
            AuditCheck intact = AuditCheck.of(true, entries, 0, "audit log intact: " + entries + " entries, head " + entries
                    + " 9f3a");
            String en = ConsoleLayout.render("audit.jte", frame("en", "amna"), new AuditPage.View(intact, "", List.of()));
            assertTrue(en.contains(entries == 1 ? "1 entry checked" : "2 entries checked"), en);
            assertFalse(en.contains("1 entries"), en);
            String ur = ConsoleLayout.render("audit.jte", frame("ur", "amna"), new AuditPage.View(intact, "", List.of()));
            assertTrue(ur.contains(entries == 1 ? "1 اندراج" : "2 اندراجات"), ur);
            assertFalse(ur.contains("entries"), "no English sentence on the Urdu page: " + ur);
        }
    }
}
