package org.khidmat.web.internal.citizen;


import org.khidmat.web.internal.page.FormHtml;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.FieldType;
import org.khidmat.api.descriptor.Text;

class FormDatesTest {
    private static Field field(String name, FieldType type) {
        return new Field(name, type, new Text("Date of birth", "تاریخ پیدائش"), null, true, List.of(), 0, 100, null, 1);
    }

    @Test
    void aDateIsPostedAsItsThreeBoxes() {
        Field dob = field("dob", FieldType.DATE);
        assertEquals("12/5/1990", FormHtml.posted(dob, Map.of("dob-day", "12", "dob-month", "5", "dob-year", "1990")));
        assertEquals("12/5/1990", FormHtml.posted(dob, Map.of("dob-day", "۱۲", "dob-month", "۵", "dob-year", "۱۹۹۰")));
        assertEquals("", FormHtml.posted(dob, Map.of("dob-day", "", "dob-month", " ", "dob-year", "")));
        assertEquals("1990-05-12", FormHtml.posted(dob, Map.of("dob", "1990-05-12")), "a client sending one box");
        assertEquals("61101-1234567-1", FormHtml.posted(field("cnic", FieldType.CNIC), Map.of("cnic", "۶۱۱۰۱-۱۲۳۴۵۶۷-۱")));
    }

    @Test
    void aDateIsShownAsPeopleWriteIt() {
        assertEquals("12/05/1990", FormHtml.date("1990-05-12"));
        assertEquals("12/05/1990", FormHtml.date("12/5/1990"));
        assertArrayEquals(new String[] {"12", "05", "1990"}, FormHtml.dayMonthYear("1990-05-12"));
        assertEquals("not a date", FormHtml.date("not a date"));
    }

    @Test
    void aPageOfSeveralQuestionsIsHeadedByWhatItAsks() {
        List<Field> two = List.of(new Field("a", FieldType.TEXT, new Text("Full name", "پورا نام"), null, true, List.of(), 0, 9, null, 1),
                new Field("b", FieldType.CNIC, new Text("CNIC number", "شناختی کارڈ نمبر"), null, true, List.of(), 0, 9, null, 1));
        assertEquals("Full name and CNIC number", QuestionPage.heading(two, "en"));
        assertEquals("پورا نام اور شناختی کارڈ نمبر", QuestionPage.heading(two, "ur"));
    }
}
