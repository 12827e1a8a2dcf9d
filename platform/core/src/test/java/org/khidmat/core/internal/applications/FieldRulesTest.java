package org.khidmat.core.internal.applications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.FieldType;
import org.khidmat.api.descriptor.Option;
import org.khidmat.api.descriptor.Text;

class FieldRulesTest {

    private static Field field(FieldType type, boolean required) {
        return new Field("f", type, new Text("Answer", "جواب"), null, required,
                type == FieldType.SELECT ? List.of(new Option("a", new Text("A", "اے"))) : List.of(), 3, type == FieldType.TEXT ? 10 : 200, null, 1);
    }

    private static void ok(FieldType type, String... answers) {
        for (String a : answers) {
            assertNull(FieldRules.check(field(type, true), a), type + " should accept " + a);
        }
    }

    private static void bad(FieldType type, String... answers) {
        for (String a : answers) {
            assertNotNull(FieldRules.check(field(type, true), a), type + " should refuse " + a);
        }
    }

    @Test
    void required() {
        assertEquals("Enter answer", FieldRules.check(field(FieldType.TEXT, true), "").en());
        assertNull(FieldRules.check(field(FieldType.TEXT, false), ""));
    }

    @Test
    void eachType() {
        ok(FieldType.TEXT, "abc", "abcdefghij");
        bad(FieldType.TEXT, "ab", "abcdefghijk");
        ok(FieldType.CNIC, "61101-1234567-1", "6110112345671");
        bad(FieldType.CNIC, "61101-1234567", "61101-12345a7-1", "611011234567123");
        ok(FieldType.DATE, "1990-01-31", "2024-02-29", "31-01-1990");
        bad(FieldType.DATE, "2023-02-29", "1990-1-3", "31/13/1990");
        ok(FieldType.SELECT, "a");
        bad(FieldType.SELECT, "b");
        ok(FieldType.PHONE, "03001234567", "0300 1234567", "+92 300 1234567", "051-1234567");
        bad(FieldType.PHONE, "12345", "0300123456", "+1 202 555 0100");
        ok(FieldType.EMAIL, "a@b.pk");
        bad(FieldType.EMAIL, "a@b", "a b@c.pk");
        ok(FieldType.NUMBER, "42", "-7");
        bad(FieldType.NUMBER, "4.2", "x");
    }

    @Test
    void urduAndArabicDigitsAreAcceptedInNumberFieldsAndStoredAsAscii() {
        ok(FieldType.CNIC, "۶۱۱۰۱-۱۲۳۴۵۶۷-۱", "٦١١٠١١٢٣٤٥٦٧١");
        ok(FieldType.PHONE, "۰۳۰۰ ۱۲۳۴۵۶۷");
        ok(FieldType.NUMBER, "۴۲");
        ok(FieldType.DATE, "۳۱/۰۱/۱۹۹۰");
        assertEquals("6110112345671", FieldRules.stored(field(FieldType.CNIC, true), "۶۱۱۰۱-۱۲۳۴۵۶۷-۱"));
        assertEquals("03001234567", FieldRules.stored(field(FieldType.PHONE, true), "۰۳۰۰۱۲۳۴۵۶۷"));
        assertEquals("6110112345671", FieldRules.cnicDigits("۶۱۱۰۱-۱۲۳۴۵۶۷-۱"));
        // text answers keep the digits the citizen wrote
        assertEquals("مکان ۱۲", FieldRules.stored(field(FieldType.TEXTAREA, true), "مکان ۱۲"));
    }

    @Test
    void datesAreTypedDayMonthYearAndStoredAsIso() {
        ok(FieldType.DATE, "12/05/1990", "1/2/1990", "12.05.1990", "12 / 05 / 1990");
        assertEquals("1990-05-12", FieldRules.stored(field(FieldType.DATE, true), "12/05/1990"));
        assertEquals("1990-02-01", FieldRules.stored(field(FieldType.DATE, true), "1/2/1990"));
        assertEquals("1990-01-31", FieldRules.stored(field(FieldType.DATE, true), "1990-01-31"));
        assertEquals("31/01/1990", FieldRules.check(field(FieldType.DATE, true), "31/31/1990").en().replaceAll(".* ", ""));
    }

    @Test
    void cnicStoredAsDigitsAndMasked() {
        assertEquals("6110112345671", FieldRules.stored(field(FieldType.CNIC, true), "61101-1234567-1"));
        assertEquals("61101-*******-1", FieldRules.mask("6110112345671"));
        assertEquals("6110112345671", FieldRules.cnicDigits(" 61101-1234567-1 "));
        assertNull(FieldRules.cnicDigits("61101"));
    }
}
