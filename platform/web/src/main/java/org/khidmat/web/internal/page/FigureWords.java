package org.khidmat.web.internal.page;

/**
 * The words of the open figures page, in English and Urdu. Dates inside Urdu text are wrapped in left-to-right
 * isolates (U+2066 ... U+2069), so that right-to-left text does not turn 2026-01-31 into 31-01-2026.
 */
public final class FigureWords {
    public static final WordBook BOOK = new WordBook()
            .w("figures", "Open figures", "عوامی اعداد و شمار")
            .w("intro", "How the centre's services performed: applications, processing time against the promised time, "
                    + "waiting at the centre, appointments and citizens' ratings. No personal details are shown.",
                    "مرکز کی خدمات کی کارکردگی: درخواستیں، مقررہ مدت کے مقابلے میں کارروائی کا وقت، مرکز میں انتظار، "
                            + "اپوائنٹمنٹ کے اوقات اور شہریوں کی ریٹنگ۔ کوئی ذاتی تفصیل نہیں دکھائی جاتی۔")
            .w("period", "Period", "مدت")
            .w("from", "From", "از")
            .w("to", "To", "تا")
            .w("dateHint", "yyyy-mm-dd, for example 2026-01-31", "سال-مہینہ-دن، مثلاً \u20662026-01-31\u2069")
            .w("show", "Show", "دکھائیں")
            .w("periodText", "From {from} to {to} ({0} days)", "{from} سے {to} تک ({0} دن)")
            .w("badFrom", "Enter the start date as yyyy-mm-dd, for example 2026-01-31",
                    "آغاز کی تاریخ سال-مہینہ-دن کی صورت میں درج کریں، مثلاً \u20662026-01-31\u2069")
            .w("badTo", "Enter the end date as yyyy-mm-dd, for example 2026-01-31",
                    "اختتام کی تاریخ سال-مہینہ-دن کی صورت میں درج کریں، مثلاً \u20662026-01-31\u2069")
            .w("toBeforeFrom", "The end date must be the same as or after the start date",
                    "اختتام کی تاریخ آغاز کی تاریخ کے برابر یا اس کے بعد ہونی چاہیے")
            .w("tooLong", "Choose a period of at most {0} days", "زیادہ سے زیادہ {0} دن کی مدت منتخب کریں")
            .w("nothing", "No applications, tokens, appointments or ratings in this period.",
                    "اس مدت میں کوئی درخواست، ٹوکن، اپوائنٹمنٹ یا ریٹنگ نہیں۔")
            .w("agencyRow", "All services of the agency", "ادارے کی تمام خدمات")
            .w("applications", "Applications", "درخواستیں")
            .w("perDay", "Per day", "یومیہ")
            .w("finished", "Finished", "مکمل")
            .w("median", "Median processing time", "کارروائی کا درمیانی وقت")
            .w("p90", "90% finished within", "90% اتنے وقت میں مکمل")
            .w("promise", "Promised time", "مقررہ مدت")
            .w("within", "Finished within the promise", "مقررہ مدت کے اندر مکمل")
            .w("wait", "Median wait at the centre", "مرکز میں درمیانی انتظار")
            .w("rating", "Average rating (of 5)", "اوسط ریٹنگ (5 میں سے)")
            .w("ratings", "Ratings", "ریٹنگز")
            .w("appointments", "Appointments", "اپوائنٹمنٹس")
            .w("noShows", "No-shows", "غیر حاضری")
            .w("tables", "Figures per agency and service", "ہر ادارے اور خدمت کے اعداد و شمار")
            .w("charts", "Charts", "چارٹ")
            .w("downloads", "Download the figures", "اعداد و شمار ڈاؤن لوڈ کریں")
            .w("csv", "CSV for spreadsheets", "اسپریڈشیٹ کے لیے CSV")
            .w("json", "JSON for developers", "ڈویلپرز کے لیے JSON")
            .w("chartApplications", "Applications per agency", "ہر ادارے کی درخواستیں")
            .w("chartWithin", "Share finished within the promised time, per agency (%)",
                    "مقررہ مدت کے اندر مکمل درخواستوں کا تناسب، ہر ادارہ (%)")
            .w("chartRating", "Average rating per agency, out of 5", "ہر ادارے کی اوسط ریٹنگ، 5 میں سے")
            .w("chartProcessing", "Median processing time in days per service; the red line marks the longest promised time",
                    "ہر خدمت کی کارروائی کا درمیانی وقت دنوں میں؛ سرخ لکیر سب سے طویل مقررہ مدت دکھاتی ہے")
            .w("noData", "no data", "کوئی ڈیٹا نہیں")
            .w("none", "–", "–")
            .w("minutes", "{0} min", "{0} منٹ")
            .w("hours", "{0} hours", "{0} گھنٹے")
            .w("days", "{0} days", "{0} دن")
            .w("scroll", "The table scrolls sideways", "جدول دائیں بائیں سرکتا ہے")
            .w("badPeriod", "The period is not valid", "مدت درست نہیں");

    private FigureWords() {
    }

    public static String get(String key, String lang) {
        return BOOK.get(key, lang);
    }

    public static String get(String key, String lang, Object n) {
        return BOOK.get(key, lang, n);
    }
}
