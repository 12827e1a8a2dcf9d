package org.khidmat.web.internal.page;

/** The words of paying, receipts, rating and the payment and messages parts of tracking, in English and Urdu. */
public final class PayWords {
    public static final WordBook BOOK = new WordBook()
            .w("pay", "Pay the fee", "فیس ادا کریں")
            .w("payIntro", "Enter the reference number and CNIC of the application to see what is due.",
                    "واجب الادا رقم دیکھنے کے لیے درخواست کا حوالہ نمبر اور شناختی کارڈ نمبر درج کریں۔")
            .w("amount", "Amount", "رقم")
            .w("howPay", "How do you want to pay?", "آپ کیسے ادا کرنا چاہتے ہیں؟")
            .w("choosePay", "Choose how to pay", "ادائیگی کا طریقہ منتخب کریں")
            .w("payAmount", "Pay {0}", "{0} ادا کریں")
            .w("noProviders", "No way to pay is available right now. Please try again later.",
                    "اس وقت ادائیگی کا کوئی طریقہ دستیاب نہیں۔ براہ کرم بعد میں کوشش کریں۔")
            .w("providerGone", "That way to pay is not available now. Choose another.",
                    "ادائیگی کا یہ طریقہ اس وقت دستیاب نہیں۔ کوئی اور منتخب کریں۔")
            .w("providerFailed", "The payment service did not answer. Nothing was charged. Please try again.",
                    "ادائیگی کی سروس نے جواب نہیں دیا۔ کوئی رقم نہیں لی گئی۔ براہ کرم دوبارہ کوشش کریں۔")
            .w("nothingDue", "Nothing to pay: this speed of the service is free.",
                    "کچھ ادا نہیں کرنا: خدمت کی یہ رفتار مفت ہے۔")
            .w("paidNow", "Payment received", "ادائیگی موصول ہو گئی")
            .w("alreadyStarted", "A payment was already started for this application. Nothing new was started or "
                    + "charged: the challan or transaction number below is the same.",
                    "اس درخواست کی ادائیگی پہلے ہی شروع ہو چکی ہے۔ نہ کچھ نیا شروع ہوا نہ کوئی رقم لی گئی: نیچے وہی چالان یا ٹرانزیکشن نمبر ہے۔")
            .w("alreadyPaid", "This fee was paid before. Nothing was charged again: this is the same receipt.",
                    "یہ فیس پہلے ادا ہو چکی ہے۔ دوبارہ کوئی رقم نہیں لی گئی: یہ وہی رسید ہے۔")
            .w("pending", "Payment pending", "ادائیگی زیر التوا")
            .w("pendingDue", "The fee is not paid yet.", "فیس ابھی ادا نہیں ہوئی۔")
            .w("pendingStarted", "Waiting for the money to arrive.", "رقم موصول ہونے کا انتظار ہے۔")
            .w("fullStop", ". ", "۔ ")
            .w("comma", ", ", "، ")
            .w("challanNumber", "Challan or transaction number", "چالان یا ٹرانزیکشن نمبر")
            .w("challanText", "Pay the amount at any bank branch with this challan number. When the bank has confirmed it, check the payment here.",
                    "یہ رقم اس چالان نمبر کے ساتھ کسی بھی بینک برانچ میں ادا کریں۔ بینک کی تصدیق کے بعد یہاں ادائیگی جانچیں۔")
            .w("providerSays", "Instructions from the payment service", "ادائیگی کی سروس کی ہدایات")
            .w("checkPayment", "Check payment", "ادائیگی جانچیں")
            .w("notPaidYet", "The payment has not arrived yet. If you have paid, check again later.",
                    "ادائیگی ابھی موصول نہیں ہوئی۔ اگر آپ ادا کر چکے ہیں تو بعد میں دوبارہ جانچیں۔")
            .w("checkFailed", "We could not check the payment now. Please try again later.",
                    "ہم ابھی ادائیگی نہیں جانچ سکے۔ براہ کرم بعد میں کوشش کریں۔")
            .w("payment", "Payment", "ادائیگی")
            .w("paidLine", "Paid", "ادا شدہ")
            .w("finishPayment", "Finish or check the payment", "ادائیگی مکمل کریں یا جانچیں")
            .w("receipt", "Receipt", "رسید")
            .w("receiptTitle", "Payment receipt", "ادائیگی کی رسید")
            .w("receiptNumber", "Receipt number", "رسید نمبر")
            .w("paidAt", "Paid at", "ادائیگی کا وقت")
            .w("pkt", "Pakistan time", "پاکستانی وقت")
            .w("paidWith", "Paid with", "ادائیگی کا ذریعہ")
            .w("download", "Download the receipt", "رسید ڈاؤن لوڈ کریں")
            .w("receiptHint", "Keep it or print it: it is proof that the fee is paid.",
                    "اسے محفوظ رکھیں یا پرنٹ کریں: یہ فیس کی ادائیگی کا ثبوت ہے۔")
            .w("viewReceipt", "View the receipt", "رسید دیکھیں")
            .w("getReceipt", "Get a receipt", "رسید حاصل کریں")
            .w("receiptIntro", "Enter the reference number and CNIC of the application to see its receipt.",
                    "رسید دیکھنے کے لیے درخواست کا حوالہ نمبر اور شناختی کارڈ نمبر درج کریں۔")
            .w("noReceipt", "There is no receipt yet: the fee of this application is not paid.",
                    "ابھی کوئی رسید نہیں: اس درخواست کی فیس ادا نہیں ہوئی۔")
            .w("centreIssued", "Issued by the centre for the agency named above. Simulated payment services move no real money.",
                    "مرکز کی جانب سے اوپر درج ادارے کے لیے جاری کی گئی۔ فرضی ادائیگی کی سروسز کوئی حقیقی رقم منتقل نہیں کرتیں۔")
            .w("wallet", "Mobile wallet (simulated)", "موبائل والیٹ (فرضی)")
            .w("challan", "Bank challan (simulated)", "بینک چالان (فرضی)")
            .w("rate", "Rate this service", "اس خدمت کے بارے میں اپنی رائے دیں")
            .w("rateShort", "Rate a service", "خدمت پر رائے دیں")
            .w("rateIntro", "Your application is finished. Tell us how the service was: it helps the centre improve.",
                    "آپ کی درخواست مکمل ہو گئی ہے۔ بتائیں خدمت کیسی رہی: اس سے مرکز کو بہتری میں مدد ملتی ہے۔")
            .w("rateFormIntro", "You can rate a service once your application is finished, once per application.",
                    "درخواست مکمل ہونے کے بعد آپ خدمت کی رائے کر سکتے ہیں، ہر درخواست کے لیے ایک بار۔")
            .w("ratedText", "You have rated this service {0} of 5. Thank you.",
                    "آپ اس خدمت کو 5 میں سے {0} درجہ دے چکے ہیں۔ شکریہ۔")
            .w("stars", "How was the service?", "خدمت کیسی رہی؟")
            .w("star1", "1 star: very poor", "1 ستارہ: بہت خراب")
            .w("star2", "2 stars: poor", "2 ستارے: خراب")
            .w("star3", "3 stars: fair", "3 ستارے: درمیانہ")
            .w("star4", "4 stars: good", "4 ستارے: اچھا")
            .w("star5", "5 stars: very good", "5 ستارے: بہت اچھا")
            .w("comment", "Comment (optional)", "تبصرہ (اختیاری)")
            .w("commentHint", "Up to {0} characters. Please do not write your CNIC, phone number or other personal details.",
                    "زیادہ سے زیادہ {0} حروف۔ براہ کرم اپنا شناختی کارڈ نمبر، فون نمبر یا دیگر ذاتی تفصیلات نہ لکھیں۔")
            .w("sendRating", "Send rating", "رائے بھیجیں")
            .w("thanks", "Thank you for your rating", "آپ کی رائے کا شکریہ")
            .w("thanksText", "Your rating counts in the centre's open figures. It carries no personal details.",
                    "آپ کی رائے مرکز کے عوامی اعداد و شمار میں شامل ہوگی۔ اس میں کوئی ذاتی تفصیل شامل نہیں۔")
            .w("figuresLink", "See the centre's open figures", "مرکز کے عوامی اعداد و شمار دیکھیں")
            .w("chooseStars", "Choose from 1 to 5 stars", "1 سے 5 ستاروں میں سے انتخاب کریں")
            .w("commentTooLong", "Write your comment in {0} characters or fewer", "اپنا تبصرہ {0} یا اس سے کم حروف میں لکھیں")
            .w("notFinished", "You can rate the service once your application is finished. Track it to see where it stands.",
                    "درخواست مکمل ہونے کے بعد ہی آپ خدمت کی رائے کر سکتے ہیں۔ اس کی صورتحال دیکھنے کے لیے اسے ٹریک کریں۔")
            .w("alreadyRated", "This application has been rated already. A rating can be given once.",
                    "اس درخواست کی رائے پہلے ہی ہو چکی ہے۔ رائے صرف ایک بار دی جا سکتی ہے۔")
            .w("messages", "Messages sent about this application", "اس درخواست کے بارے میں بھیجے گئے پیغامات")
            .w("sentBy", "Sent by", "ذریعہ")
            .w("sentTo", "To", "بنام")
            .w("message", "Message", "پیغام")
            .w("sms", "SMS", "ایس ایم ایس")
            .w("email", "E-mail", "ای میل")
            .w("noMessages", "No messages have been sent about it yet.", "اس کے بارے میں ابھی کوئی پیغام نہیں بھیجا گیا۔")
            .w("queued", "waiting to be sent", "بھیجے جانے کا منتظر")
            .w("sent", "sent", "بھیج دیا گیا")
            .w("failed", "could not be sent", "نہیں بھیجا جا سکا")
            .w("payFee", "Pay a fee", "فیس ادا کریں")
            .w("payNext", "This application has a fee of {0}. Pay it now, or later with your reference number and CNIC.",
                    "اس درخواست کی فیس {0} ہے۔ ابھی ادا کریں، یا بعد میں اپنے حوالہ نمبر اور شناختی کارڈ کے ساتھ۔");

    private PayWords() {
    }

    public static String get(String key, String lang) {
        return BOOK.get(key, lang);
    }

    public static String get(String key, String lang, Object n) {
        return BOOK.get(key, lang, n);
    }
}
