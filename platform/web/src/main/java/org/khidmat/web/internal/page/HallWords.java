package org.khidmat.web.internal.page;

import org.khidmat.web.internal.http.Http;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.khidmat.api.Problem;

/**
 * The words of the hall's citizen pages (kiosk, token, display, appointments) in English and Urdu, kept apart from
 * {@link Words} so that neither list grows past reading; category names are here too ({@code cat.<category>}).
 */
public final class HallWords {
    private static final WordBook BOOK = new WordBook();
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_UR = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag("ur-PK"));

    static {
        // the kiosk and the token page
        w("queueTitle", "Take a queue token", "قطار کا ٹوکن لیں");
        w("queueIntro", "Choose the service you came for. Your token number is called on the hall screen.",
                "جس خدمت کے لیے آئے ہیں وہ منتخب کریں۔ آپ کا ٹوکن نمبر ہال کی سکرین پر پکارا جائے گا۔");
        w("findService", "Find a service", "خدمت تلاش کریں");
        w("show", "Show", "دکھائیں");
        w("showAll", "Show all services", "تمام خدمات دکھائیں");
        w("refOptional", "Application reference number (optional)", "درخواست کا حوالہ نمبر (اختیاری)");
        w("refOptionalHint", "If you applied online, for example KM7Q-4XPA-K", "اگر آپ نے آن لائن درخواست دی ہے، مثلاً KM7Q-4XPA-K");
        w("noRef", "No application of this service has that reference number with that CNIC. Check both, or leave the "
                + "reference empty.", "اس خدمت کی کوئی درخواست اس حوالہ نمبر اور شناختی کارڈ کے ساتھ نہیں۔ دونوں جانچیں یا حوالہ خالی چھوڑ دیں۔");
        w("cnicWithRef", "CNIC number the application was filed with (with a reference only)",
                "درخواست والا شناختی کارڈ نمبر (صرف حوالہ نمبر کے ساتھ)");
        w("chooseService", "Choose a service", "خدمت منتخب کریں");
        w("noService", "That service is not offered in this centre.", "یہ خدمت اس مرکز میں دستیاب نہیں۔");
        w("serviceOff", "That service is temporarily unavailable.", "یہ خدمت عارضی طور پر دستیاب نہیں۔");
        w("yourToken", "Your token", "آپ کا ٹوکن");
        w("ahead", "People waiting ahead of you", "آپ سے پہلے انتظار کرنے والے");
        w("wait", "Estimated wait", "متوقع انتظار");
        w("aboutMinutes", "About {0} minutes", "تقریباً {0} منٹ");
        w("aboutAMinute", "About 1 minute", "تقریباً 1 منٹ");
        w("next", "You are next", "اگلی باری آپ کی ہے");
        w("noCounter", "No counter serves this service right now. Please ask at the information desk.",
                "اس وقت کوئی کاؤنٹر یہ خدمت نہیں دے رہا۔ براہ کرم معلومات کاؤنٹر سے پوچھیں۔");
        w("watch", "Watch the hall screen for your number. Keep this token with you.",
                "اپنا نمبر ہال کی سکرین پر دیکھتے رہیں۔ یہ ٹوکن اپنے پاس رکھیں۔");
        w("calledTo", "Please go to counter", "براہ کرم اس کاؤنٹر پر جائیں");
        w("served", "You have been served. Thank you.", "آپ کی خدمت مکمل ہو گئی۔ شکریہ۔");
        w("missed", "Your number was called and you did not come. Please take a new token.",
                "آپ کا نمبر پکارا گیا مگر آپ نہیں آئے۔ براہ کرم نیا ٹوکن لیں۔");
        w("refresh", "Refresh", "تازہ کریں");
        w("takeAnother", "Take another token", "ایک اور ٹوکن لیں");
        w("noToken", "There is no such token.", "ایسا کوئی ٹوکن نہیں۔");
        w("withAppointment", "With an appointment: called before walk-in tokens", "اپوائنٹمنٹ والے: بغیر اپوائنٹمنٹ آنے والوں سے پہلے بلائے جائیں گے");
        // the hall display
        w("displayTitle", "Now calling", "اب باری");
        w("token", "Token", "ٹوکن");
        w("counter", "Counter", "کاؤنٹر");
        w("waitingNow", "Waiting now", "اس وقت انتظار میں");
        w("noCalls", "No token has been called yet today.", "آج ابھی کوئی ٹوکن نہیں پکارا گیا۔");
        // appointments
        w("apptTitle", "Book an appointment", "اپوائنٹمنٹ لیں");
        w("apptIntro", "Choose a service, a day and a time. Bring your CNIC; check in at the kiosk when you arrive.",
                "خدمت، دن اور وقت منتخب کریں۔ اپنا شناختی کارڈ ساتھ لائیں؛ پہنچ کر کیوسک پر آمد درج کرائیں۔");
        w("chooseDay", "Choose a day", "دن منتخب کریں");
        w("noDays", "No days can be booked now.", "اس وقت کوئی دن بک نہیں ہو سکتا۔");
        w("chooseTime", "Choose a time", "وقت منتخب کریں");
        w("noSlots", "No times are left on this day. Choose another day.", "اس دن کوئی وقت خالی نہیں۔ دوسرا دن منتخب کریں۔");
        w("slotTime", "Time", "وقت");
        w("free", "Places left", "باقی جگہیں");
        w("full", "Full", "کوئی جگہ خالی نہیں");
        w("choose", "Choose", "منتخب کریں");
        w("otherDay", "Choose another day", "دوسرا دن منتخب کریں");
        w("otherTime", "Choose another time", "دوسرا وقت منتخب کریں");
        w("otherService", "Choose another service", "دوسری خدمت منتخب کریں");
        w("yourDetails", "Your details", "آپ کی تفصیلات");
        w("cnicYours", "Your CNIC number", "آپ کا شناختی کارڈ نمبر");
        w("cnicHint", "13 digits, for example 61101-1234567-1", "13 ہندسے، مثلاً 61101-1234567-1");
        w("enterCnic", "Enter your CNIC number", "اپنا شناختی کارڈ نمبر درج کریں");
        w("badCnic", "Enter your CNIC number as 13 digits, for example 61101-1234567-1",
                "شناختی کارڈ نمبر 13 ہندسوں میں درج کریں، مثلاً 61101-1234567-1");
        w("book", "Book this time", "یہ وقت بک کریں");
        w("booked", "Appointment booked", "اپوائنٹمنٹ بک ہو گئی");
        w("code", "Appointment code", "اپوائنٹمنٹ کا کوڈ");
        w("codeHint", "On your booking, for example KM7Q-4XPA-K", "آپ کی بکنگ پر، مثلاً KM7Q-4XPA-K");
        w("enterCode", "Enter your appointment code", "اپنی اپوائنٹمنٹ کا کوڈ درج کریں");
        w("day", "Day", "دن");
        w("arriveRule", "Arrive no earlier than {0} minutes before your time (from {1}). If you are more than {2} minutes late"
                + " (after {3}), the appointment is cancelled.",
                "اپنے وقت سے {0} منٹ سے زیادہ پہلے نہ آئیں ({1} سے)۔ اگر آپ {2} منٹ سے زیادہ دیر سے آئے ({3} کے بعد) تو اپوائنٹمنٹ منسوخ ہو جائے گی۔");
        w("keepCode", "Keep your code and your CNIC: at the centre you check in with both at the kiosk.",
                "اپنا کوڈ اور شناختی کارڈ سنبھال کر رکھیں: مرکز میں کیوسک پر دونوں سے آمد درج ہوتی ہے۔");
        w("slotFull", "This time has just become full. Choose another time.", "یہ وقت ابھی بھر گیا ہے۔ دوسرا وقت منتخب کریں۔");
        w("noSlot", "This time cannot be booked any more. Choose another time.", "یہ وقت اب بک نہیں ہو سکتا۔ دوسرا وقت منتخب کریں۔");
        w("noApptRef", "No application has that reference number. Check it, or leave it empty.",
                "اس حوالہ نمبر سے کوئی درخواست نہیں۔ اسے جانچیں یا خالی چھوڑ دیں۔");
        w("alreadyHeld", "This CNIC already holds an appointment for this service (or the most one CNIC may hold). To choose "
                + "another time, cancel it first with its code.", "اس شناختی کارڈ پر اس خدمت کا وقت پہلے سے بک ہے (یا زیادہ سے "
                + "زیادہ اوقات بک ہیں)۔ دوسرا وقت لینے کے لیے پہلے اس کے کوڈ سے اسے منسوخ کریں۔");
        w("tooManyHere", "Too many appointments were booked from this address today. Please book at the centre's counter.",
                "آج اس پتے سے بہت سے اوقات بک ہو چکے ہیں۔ براہ کرم مرکز کے کاؤنٹر پر وقت لیں۔");
        w("needApp", "This service books appointments for filed applications only: enter your application's reference "
                + "number.", "اس خدمت کے اوقات صرف جمع شدہ درخواستوں کے لیے ہیں: اپنی درخواست کا حوالہ نمبر درج کریں۔");
        w("busy", "Sorry, we could not book it. Please try again.", "معذرت، وقت بک نہیں ہو سکا۔ دوبارہ کوشش کریں۔");
        w("checkInTitle", "Check in for your appointment", "اپوائنٹمنٹ پر اپنی آمد درج کرائیں");
        w("checkIn", "Check in", "آمد درج کرائیں");
        w("tooEarly", "You are early. Please come back at {0} to check in.", "آپ جلدی آ گئے ہیں۔ آمد درج کرانے کے لیے براہ کرم {0} بجے دوبارہ آئیں۔");
        w("tooLate", "You are more than {0} minutes late, so the appointment has been cancelled. Please take a queue token or"
                + " book again.", "آپ {0} منٹ سے زیادہ دیر سے آئے ہیں، اس لیے اپوائنٹمنٹ منسوخ ہو گئی۔ براہ کرم قطار کا ٹوکن لیں یا دوبارہ وقت بک کریں۔");
        w("notValid", "This appointment cannot be checked in: it is not for today, or it was cancelled or missed.",
                "اس اپوائنٹمنٹ کی آمد درج نہیں ہو سکتی: یہ آج کے لیے نہیں، یا منسوخ ہو چکی یا چھوٹ گئی۔");
        w("unknownAppt", "No appointment matches that code and CNIC. Check both and try again.",
                "اس کوڈ اور شناختی کارڈ سے کوئی اپوائنٹمنٹ نہیں ملی۔ دونوں جانچ کر دوبارہ کوشش کریں۔");
        w("cancelTitle", "Cancel an appointment", "اپوائنٹمنٹ منسوخ کریں");
        w("cancel", "Cancel the appointment", "اپوائنٹمنٹ منسوخ کریں");
        w("cancelled", "Your appointment is cancelled", "آپ کی اپوائنٹمنٹ منسوخ ہو گئی");
        w("cancelledText", "The place has been given back. You can book again at any time.",
                "جگہ واپس کر دی گئی ہے۔ آپ کسی بھی وقت دوبارہ وقت بک کر سکتے ہیں۔");
        w("noCancel", "No booked appointment matches that code and CNIC. Check both and try again.",
                "اس کوڈ اور شناختی کارڈ سے کوئی بک شدہ اپوائنٹمنٹ نہیں ملی۔ دونوں جانچ کر دوبارہ کوشش کریں۔");
        w("haveAppt", "Have an appointment?", "اپوائنٹمنٹ لی ہوئی ہے؟");
        // the form filled at a counter for a token
        w("tiedToToken", "Tied to token", "اس ٹوکن سے منسلک");
        w("backToCounter", "Back to the counter", "کاؤنٹر پر واپس");
        // category names
        w("cat.identity", "Identity documents", "شناختی دستاویزات");
        w("cat.passports", "Passports", "پاسپورٹ");
        w("cat.police", "Police", "پولیس");
        w("cat.driving", "Driving licences", "ڈرائیونگ لائسنس");
        w("cat.vehicles", "Vehicles", "گاڑیاں");
        w("cat.tax", "Tax", "ٹیکس");
        w("cat.business", "Business", "کاروبار");
        w("cat.civil", "Civil registration", "شہری اندراج");
        w("cat.overseas", "Overseas employment", "بیرون ملک ملازمت");
        w("cat.payments", "Payments", "ادائیگیاں");
        w("cat.property", "Property", "جائیداد");
        w("cat.trade", "Trade", "تجارت");
        w("cat.utilities", "Electricity and gas", "بجلی اور گیس");
        w("cat.life-events", "Life events", "زندگی کے مراحل");
        w("event.baby", "Having a baby", "بچے کی پیدائش");
        w("event.turning-18", "Turning 18", "18 سال کی عمر");
        w("event.marriage", "Marriage and divorce", "شادی اور طلاق");
        w("event.death", "A death in the family", "خاندان میں وفات");
        w("event.abroad", "Travel and work abroad", "بیرون ملک سفر اور ملازمت");
        w("event.business", "Starting a business", "کاروبار شروع کرنا");
        w("event.vehicle", "Buying or driving a vehicle", "گاڑی خریدنا یا چلانا");
        w("event.home", "Moving home", "نئے گھر میں منتقلی");
        w("event.lost", "A lost document", "گم شدہ دستاویز");
    }

    private HallWords() {
    }

    private static void w(String key, String en, String ur) {
        BOOK.w(key, en, ur);
    }

    /** @return the words with {@code {0}}, {@code {1}}... replaced by the values, as HTML for element content ({@link WordBook#get}) */
    public static String get(String key, String lang, Object... values) {
        return BOOK.get(key, lang, values);
    }

    /** @return a problem at a form field ({@code f-<field>} on the page), in both languages, as plain text */
    public static Problem problem(String field, String key, Object... values) {
        return BOOK.problem(field, key, values);
    }

    /** @return the words with {@code {0}}, {@code {1}}... replaced by the values, as plain text (for JSON) */
    public static String plain(String key, String lang, Object... values) {
        return BOOK.raw(key, lang, values);
    }

    /** @return the day in words, for example "Monday 5 January 2026" or "پیر 5 جنوری 2026" */
    public static String day(LocalDate day, String lang) {
        return Http.escape(("ur".equals(lang) ? DAY_UR : DAY_EN).format(day));
    }

    /** @return a category's name; a category without words keeps its own name */
    public static String category(String category, String lang) {
        return BOOK.has("cat." + category) ? get("cat." + category, lang) : Http.escape(category);
    }

    /** @return the category's name in both languages, for JSON */
    public static Map<String, String> categoryText(String category) {
        return BOOK.has("cat." + category) ? Map.of("en", BOOK.raw("cat." + category, "en"), "ur",
                BOOK.raw("cat." + category, "ur")) : Map.of("en", category, "ur", category);
    }
}
