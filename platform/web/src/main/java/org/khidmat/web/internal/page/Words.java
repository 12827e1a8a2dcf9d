package org.khidmat.web.internal.page;

/** The citizen pages' own words, in English and Urdu. */
public final class Words {
    private static final WordBook BOOK = new WordBook();

    static {
        w("centre", "Asan Khidmat Markaz", "آسان خدمت مرکز");
        w("skip", "Skip to main content", "مرکزی مواد پر جائیں");
        w("services", "Services", "خدمات");
        w("catalogueTitle", "Find a government service", "سرکاری خدمت تلاش کریں");
        w("search", "Search", "تلاش");
        w("searchLabel", "Search by words", "الفاظ سے تلاش کریں");
        w("category", "Category", "زمرہ");
        w("agency", "Agency", "ادارہ");
        w("all", "All", "سب");
        w("found", "{0} services found", "{0} خدمات ملیں");
        w("foundOne", "1 service found", "1 خدمت ملی");
        w("byEvent", "Browse by life event", "زندگی کے مواقع کے لحاظ سے");
        w("byTopic", "Browse by topic", "موضوع کے لحاظ سے");
        w("none", "No service matches. Try other words.", "کوئی خدمت نہیں ملی۔ دوسرے الفاظ آزمائیں۔");
        w("allIn", "Every service, with fees and times, in", "فیس اور وقت کے ساتھ تمام خدمات:");
        w("feeFrom", "Fee from {0}", "فیس {0} سے شروع");
        w("feeOnly", "Fee {0}", "فیس {0}");
        w("noFee", "No fee", "کوئی فیس نہیں");
        w("freeOrFrom", "No fee at normal speed, faster from {0}", "عام رفتار پر کوئی فیس نہیں، تیز رفتار {0} سے");
        w("days", "{0} working days", "کام کے {0} دن");
        w("oneDay", "1 working day", "کام کا 1 دن");
        w("sameDay", "The same day", "اسی دن");
        w("sameDayTo", "The same day to {0} working days", "اسی دن سے کام کے {0} دن تک");
        w("daysRange", "{0} to {1} working days", "کام کے {0} سے {1} دن");
        w("promised", "Promised time", "مقررہ مدت");
        w("whoCan", "Who can apply", "کون درخواست دے سکتا ہے");
        w("documents", "Documents to bring", "مطلوبہ دستاویزات");
        w("fees", "Fees and processing time", "فیس اور وقت");
        w("tier", "Speed", "رفتار");
        w("fee", "Fee", "فیس");
        w("time", "Time", "وقت");
        w("start", "Start now", "ابھی شروع کریں");
        w("unavailable", "This service is temporarily unavailable", "یہ خدمت عارضی طور پر دستیاب نہیں");
        w("unavailableText", "You cannot apply for this service right now. Please try again later.",
                "آپ ابھی اس خدمت کے لیے درخواست نہیں دے سکتے۔ براہ کرم بعد میں کوشش کریں۔");
        w("reason", "Reason", "وجہ");
        w("expectedBack", "Expected back on {0}.", "{0} تک بحال ہونے کی توقع ہے۔");
        w("unavailableShort", "Temporarily unavailable", "عارضی طور پر دستیاب نہیں");
        w("notFound", "Page not found", "صفحہ نہیں ملا");
        w("notFoundText", "There is no such service or page.", "ایسی کوئی خدمت یا صفحہ نہیں۔");
        w("back", "Back to all services", "تمام خدمات پر واپس");
        w("chooseTier", "How fast do you need it?", "آپ کو یہ کتنی جلدی چاہیے؟");
        w("continue", "Continue", "جاری رکھیں");
        w("problem", "There is a problem", "ایک مسئلہ ہے");
        w("error", "Error", "خرابی");
        w("page", "Page", "صفحہ");
        w("of", "of", "از");
        w("check", "Check your answers before sending your application", "درخواست جمع کرانے سے پہلے اپنے جوابات کی پڑتال کریں");
        w("change", "Change", "تبدیل کریں");
        w("submit", "Accept and send", "تصدیق کریں اور جمع کرائیں");
        w("declaration", "By sending this application you confirm that the details are correct.",
                "یہ درخواست جمع کرا کر آپ تصدیق کرتے ہیں کہ دی گئی تفصیلات درست ہیں۔");
        w("notGiven", "Not given", "نہیں دیا گیا");
        w("done", "Application received", "درخواست موصول ہو گئی");
        w("yourRef", "Your reference number", "آپ کا حوالہ نمبر");
        w("next", "What happens next", "آگے کیا ہوگا");
        w("nextText", "The agency will review your application. Keep your reference number and your CNIC: you need both to track it.",
                "ادارہ آپ کی درخواست کا جائزہ لے گا۔ اپنا حوالہ نمبر اور شناختی کارڈ سنبھال کر رکھیں: درخواست کی صورتحال معلوم کرنے کے لیے دونوں درکار ہیں۔");
        w("trackLink", "Track your application", "اپنی درخواست کی صورتحال معلوم کریں");
        w("track", "Track an application", "درخواست کی صورتحال معلوم کریں");
        w("reference", "Reference number", "حوالہ نمبر");
        w("refHint", "For example KM7Q-4XPA-K", "مثلاً KM7Q-4XPA-K");
        w("cnic", "CNIC number of the applicant", "درخواست گزار کا شناختی کارڈ نمبر");
        w("cnicHint", "13 digits, for example 61101-1234567-1", "13 ہندسے، مثلاً 61101-1234567-1");
        w("enterRef", "Enter your reference number", "اپنا حوالہ نمبر درج کریں");
        w("enterCnic", "Enter the CNIC number of the applicant", "درخواست گزار کا شناختی کارڈ نمبر درج کریں");
        w("noMatch", "No application matches that reference number and CNIC. Check both and try again.",
                "اس حوالہ نمبر اور شناختی کارڈ سے کوئی درخواست نہیں ملی۔ دونوں جانچ کر دوبارہ کوشش کریں۔");
        w("status", "Status", "صورتحال");
        w("history", "History", "تاریخچہ");
        w("when", "When", "کب");
        w("note", "Note", "نوٹ");
        w("service", "Service", "خدمت");
        w("expired", "Your answers were not kept. Please start again.", "آپ کے جوابات محفوظ نہیں رہے۔ براہ کرم دوبارہ شروع کریں۔");
        w("busy", "Sorry, we could not send your application. Please try again.", "معذرت، درخواست جمع نہیں ہو سکی۔ دوبارہ کوشش کریں۔");
        w("language", "Language", "زبان");
        w("day", "Day", "دن");
        w("month", "Month", "مہینہ");
        w("year", "Year", "سال");
        w("backStep", "Back", "واپس");
        w("trackAnother", "Track another application", "کسی اور درخواست کی صورتحال معلوم کریں");
        w("pageOf", "Page {0} of {1}", "صفحہ {0} (کل {1})");
    }

    private Words() {
    }

    private static void w(String key, String en, String ur) {
        BOOK.w(key, en, ur);
    }

    /** @return the word in the language, as HTML for element content ({@link WordBook#get}) */
    public static String get(String key, String lang, Object... values) {
        return BOOK.get(key, lang, values);
    }
}
