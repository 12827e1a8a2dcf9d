package org.khidmat.web.internal.page;

/** The words of paying, receipts, rating and the payment and messages parts of tracking, in English and Urdu. */
public final class PayWords {
    public static final WordBook BOOK = new WordBook(Messages.PAY);

    private PayWords() {
    }

    public static String get(String key, String lang) {
        return BOOK.get(key, lang);
    }

    public static String get(String key, String lang, Object n) {
        return BOOK.get(key, lang, n);
    }
}
