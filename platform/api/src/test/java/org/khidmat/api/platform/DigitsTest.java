package org.khidmat.api.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class DigitsTest {
    @Test
    void urduDigitsBecomeAscii() {
        assertEquals("61101-1234567-1", Digits.ascii("۶۱۱۰۱-۱۲۳۴۵۶۷-۱"));
        assertEquals("0123456789", Digits.ascii("۰۱۲۳۴۵۶۷۸۹"));
    }

    @Test
    void arabicIndicDigitsBecomeAscii() {
        assertEquals("0123456789", Digits.ascii("٠١٢٣٤٥٦٧٨٩"));
    }

    @Test
    void mixedTextKeepsEverythingElse() {
        assertEquals("مکان 12، گلی 3/A", Digits.ascii("مکان ۱۲، گلی ٣/A"));
    }

    @Test
    void plainTextIsReturnedAsItIs() {
        String s = "0300 1234567";
        assertSame(s, Digits.ascii(s));
        assertNull(Digits.ascii(null));
    }
}
