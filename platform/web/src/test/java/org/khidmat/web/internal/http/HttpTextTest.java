package org.khidmat.web.internal.http;

import org.khidmat.web.internal.figures.FigureText;
import org.khidmat.web.internal.page.Messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/**
 * Text of a page as HTML ({@link Http#text}): escaped in both languages, and in Urdu each number joined by hyphens,
 * slashes, dots or colons isolated left to right, so that the bidi algorithm cannot reverse its parts.
 */
class HttpTextTest {
    private static final String LTR = "<bdi dir=\"ltr\">";

    private static String ltr(String run) {
        return LTR + run + "</bdi>";
    }

    @Test
    void urduNumbersWithSeparatorsReadLeftToRight() {
        assertEquals("13 ہندسے، مثلاً " + ltr("61101-1234567-1"), Http.text("13 ہندسے، مثلاً 61101-1234567-1", "rtl"),
                "a CNIC; the 13 without a separator stays as it is");
        assertEquals("مثلاً " + ltr("0300-1234567") + "؛ پیغامات اسی نمبر پر", Http.text("مثلاً 0300-1234567؛ پیغامات اسی نمبر پر", "rtl"),
                "a phone number, up to the Urdu semicolon");
        assertEquals("آخری تاریخ " + ltr("2026-11-22") + "۔", Http.text("آخری تاریخ 2026-11-22۔", "rtl"), "a date");
        assertEquals("صبح " + ltr("10:30") + " بجے", Http.text("صبح 10:30 بجے", "rtl"), "a time");
        assertEquals("سیکٹر جی-" + ltr("9/3") + " اور " + ltr("1.5") + " گھنٹے", Http.text("سیکٹر جی-9/3 اور 1.5 گھنٹے", "rtl"),
                "slashes and dots, after an Urdu word too");
        assertEquals("فیس " + ltr("500-1000") + " روپے، ملاقات " + ltr("09:30") + " سے " + ltr("10:00") + " تک",
                Http.text("فیس 500-1000 روپے، ملاقات 09:30 سے 10:00 تک", "rtl"), "every run in the text");
    }

    @Test
    void numbersWithoutSeparatorsAreLeftAlone() {
        for (String s : new String[] {"5 میں سے 4 درجہ", "1,500 روپے", "سال 2026۔", "سال 2026.", "نمبر -5 اور 7-"}) {
            assertEquals(s, Http.text(s, "rtl"));
        }
    }

    @Test
    void codesWithLatinLettersAreLeftWhole() {
        // isolating only their digits would split them
        for (String s : new String[] {"سیکٹر G-9/3", "ورژن 2026-01-05b", "x12-34"}) {
            assertEquals(s, Http.text(s, "rtl"));
        }
    }

    @Test
    void referencesAndTokensAreIsolatedWhole() {
        // Latin letters read left to right by themselves, but a line broke inside KM7Q-4XPA-K on a phone, and beside
        // Urdu letters the bidi algorithm is free to move a code's digits
        assertEquals("مثلاً " + ltr("KM7Q-4XPA-K"), Http.text("مثلاً KM7Q-4XPA-K", "rtl"));
        assertEquals("حوالہ " + ltr("APP-2026-000123") + " ہے", Http.text("حوالہ APP-2026-000123 ہے", "rtl"));
        assertEquals("درخواست " + ltr("MHXD-PPMR-U") + " موصول", Http.text("درخواست MHXD-PPMR-U موصول", "rtl"), "a reference of letters only");
        assertEquals("ٹوکن " + ltr("A-017") + "، کاؤنٹر 3", Http.text("ٹوکن A-017، کاؤنٹر 3", "rtl"));
    }

    @Test
    void englishIsOnlyEscaped() {
        String s = "13 digits, for example 61101-1234567-1; call 0300-1234567 on 2026-11-22 at 10:30 <b>&</b>";
        assertEquals(Http.escape(s), Http.text(s, "ltr"));
        assertEquals("13 digits, for example 61101-1234567-1", Http.text("13 digits, for example 61101-1234567-1", "ltr"));
        assertEquals("", Http.text(null, "ltr"));
        assertEquals("", Http.text(null, "rtl"));
    }

    @Test
    void specialCharactersAreEscapedAroundAndNextToTheRun() {
        assertEquals("&lt;b&gt;" + ltr("61101-1234567-1") + "&lt;/b&gt; &amp; &quot;" + ltr("12/34") + "&quot; &#39;"
                + ltr("10:30") + "&#39;", Http.text("<b>61101-1234567-1</b> & \"12/34\" '10:30'", "rtl"));
        assertEquals("1&amp;" + ltr("2-3"), Http.text("1&2-3", "rtl"), "an ampersand is not part of the run");
    }

    @Test
    void markupInTheTextCannotGetThrough() {
        String evil = "</bdi><script>alert(1)</script><bdi dir=\"rtl\">61101-1234567-1</bdi>&#60;img src=x&#62; 0300-1234567";
        String html = Http.text(evil, "rtl");
        assertEquals("&lt;/bdi&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;bdi dir=&quot;rtl&quot;&gt;" + ltr("61101-1234567-1")
                + "&lt;/bdi&gt;&amp;#60;img src=x&amp;#62; " + ltr("0300-1234567"), html);
        String tagsRemoved = html.replace(LTR, "").replace("</bdi>", "");
        assertFalse(tagsRemoved.contains("<") || tagsRemoved.contains(">") || tagsRemoved.contains("\""),
                "only the isolates are markup: " + html);
    }

    @Test
    void wordsWithValuesAreSafeInUrdu() {
        Messages ur = Messages.of(Messages.CITIZEN, "ur");
        Messages en = Messages.of(Messages.CITIZEN, "en");
        assertEquals("فیس " + ltr("2026-000123") + " سے شروع", ur.html("feeFrom", "2026-000123"));
        assertEquals("Fee from 2026-000123", en.html("feeFrom", "2026-000123"));
        assertEquals("فیس &lt;i&gt;" + ltr("1-2") + " سے شروع", ur.html("feeFrom", "<i>1-2"));
        assertEquals("فیس 2026-000123 سے شروع", ur.text("feeFrom", "2026-000123"), "plain text stays plain");
        assertEquals("13 ہندسے، مثلاً " + ltr("61101-1234567-1"), ur.html("cnicHint"));
        assertEquals("13 digits, for example 61101-1234567-1", en.html("cnicHint"));
    }

    @Test
    void durationsArePlainTextForTheChartAndIsolatedInTheTable() {
        String hours = FigureText.duration(java.time.Duration.ofMinutes(90), "ur");
        assertEquals("1.5 گھنٹے", hours, "the bar chart escapes its own text");
        assertEquals(ltr("1.5") + " گھنٹے", Http.text(hours, "rtl"));
    }
}
